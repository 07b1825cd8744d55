/* "In bài viết": the button is in the HTML but hidden; shown only when printing can work. */
(function () {
  "use strict";
  if (typeof window.print !== "function") return;
  var buttons = document.querySelectorAll("[data-print-button]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
