/* Buttons marked data-print open the browser's print dialog (no inline handler: the
   Content-Security-Policy allows our own scripts only). */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-print]");
    if (button) {
      event.preventDefault();
      window.print();
    }
  });
})();
