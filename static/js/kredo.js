// Behaviour that would otherwise sit in inline attributes, which the Content-Security-Policy forbids.
document.addEventListener("DOMContentLoaded", function () {
  // A <select data-autosubmit> submits its form when changed (the language switcher).
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
});
