// Kredo's additions to the Django admin's behaviour; the Content-Security-Policy forbids inline scripts.
document.addEventListener("DOMContentLoaded", function () {
  // A tabular inline or an editable change list names its columns in the header only: each input, select and
  // checkbox gets its column's name (and its row's number) as its accessible name, as a screen reader needs
  // (axe: label, select-name).
  document.querySelectorAll(".tabular table, table#result_list").forEach(function (table) {
    var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll("tbody tr").forEach(function (row, rowIndex) {
      Array.prototype.forEach.call(row.children, function (cell) {
        var header = headers[cell.cellIndex];
        cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (field) {
          var labelled = field.labels && field.labels.length;
          if (header && !labelled && !field.hasAttribute("aria-label")) {
            field.setAttribute("aria-label", header + " (" + (rowIndex + 1) + ")");
          }
        });
      });
    });
  });

  // A region that scrolls sideways with nothing focusable inside is made focusable, so a keyboard can scroll it
  // (axe: scrollable-region-focusable).
  var focusable = "a[href], button, input, select, textarea, [tabindex]";
  function hasVisibleFocusable(element) {
    return Array.prototype.some.call(element.querySelectorAll(focusable), function (child) {
      return child.offsetParent !== null;
    });
  }
  function focusableWhenScrolling() {
    document.querySelectorAll("#content table, .inline-group, .tabular").forEach(function (region) {
      if (region.scrollWidth > region.clientWidth + 1 && !hasVisibleFocusable(region)) {
        region.setAttribute("tabindex", "0");
      }
    });
  }
  focusableWhenScrolling();
  window.addEventListener("load", focusableWhenScrolling);
  window.addEventListener("resize", focusableWhenScrolling);
});
