// Behaviour that would otherwise sit in inline attributes, which the Content-Security-Policy forbids.
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", function () {
  // A <select data-autosubmit> submits its form when changed (the language switcher).
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  // The top bar's menu button (narrow screens): opens and closes the navigation and account links.
  var toggle = document.querySelector(".menu-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var open = toggle.closest(".topbar").classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // A table wider than the screen scrolls inside its box (kredo.css); a keyboard user must be able to reach
  // it to scroll, so a scrolling table without a link or field inside is made focusable.
  var focusable = "a[href], button, input, select, textarea, [tabindex]";
  function hasVisibleFocusable(element) {
    return Array.prototype.some.call(element.querySelectorAll(focusable), function (child) {
      return child.offsetParent !== null;
    });
  }
  function focusableWhenScrolling() {
    document.querySelectorAll("main table, #content table").forEach(function (table) {
      var scrolls = table.scrollWidth > table.clientWidth + 1;
      if (scrolls && !hasVisibleFocusable(table) && !table.hasAttribute("tabindex")) {
        table.setAttribute("tabindex", "0");
        table.dataset.scrollFocus = "1";
      } else if (!scrolls && table.dataset.scrollFocus) {
        table.removeAttribute("tabindex");
        delete table.dataset.scrollFocus;
      }
    });
  }
  focusableWhenScrolling();
  window.addEventListener("resize", focusableWhenScrolling);
});
