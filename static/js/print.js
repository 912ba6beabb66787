// Buttons marked data-print open the browser's print dialog (no inline handlers: the
// Content-Security-Policy allows scripts from our own files only).
(function () {
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-print]");
    if (!button) return;
    event.preventDefault();
    window.print();
  });
})();
