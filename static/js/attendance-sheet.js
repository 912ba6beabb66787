// "Everyone present": mark every row present, then the organizer marks the exceptions.
(function () {
  const sheet = document.querySelector("[data-attendance-sheet]");
  if (!sheet) return;
  sheet.querySelector("[data-all-present]").addEventListener("click", () => {
    sheet.querySelectorAll('input[type="radio"][value="present"]').forEach((radio) => { radio.checked = true; });
  });
})();
