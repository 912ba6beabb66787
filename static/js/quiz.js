// The quiz under way on a lesson page (templates/courses/includes/quiz.html): save the answers as the learner
// ticks them (a POST of the form with action=save, answered in JSON), count down the time left of a timed test,
// and submit what is ticked when time is up. The server keeps its own time: this only shows it.
(function () {
  const form = document.querySelector("[data-quiz-form]");
  if (!form) return;
  const status = form.querySelector("[data-save-status]");
  let pending = null;
  let saving = Promise.resolve();

  function save() {
    const data = new FormData(form);
    data.set("action", "save");
    saving = fetch(window.location.pathname, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then((response) => response.json())
      .then((answer) => { if (status) status.textContent = answer.message; })
      .catch(() => { if (status) status.textContent = form.dataset.saveFailed; });
    return saving;
  }

  form.addEventListener("change", (event) => {
    // A question marked "no answer yet" that now has one loses the mark.
    const question = event.target.closest(".question--unanswered");
    if (question && question.querySelector("input:checked")) {
      question.classList.remove("question--unanswered");
      const missing = question.querySelector(".question__missing");
      if (missing) missing.remove();
    }
    window.clearTimeout(pending);
    pending = window.setTimeout(save, 250);
  });

  const clock = form.querySelector("[data-remaining]");
  if (!clock) return;
  const shown = clock.querySelector("[data-timer]");
  const end = Date.now() + Number(clock.dataset.remaining) * 1000;
  function tick() {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    shown.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    clock.classList.toggle("quiz-timer--low", left < 60);
    if (left > 0) {
      window.setTimeout(tick, 1000);
      return;
    }
    // Time is up: submit what is ticked, unanswered questions and all.
    window.clearTimeout(pending);
    const action = document.createElement("input");
    action.type = "hidden";
    action.name = "action";
    action.value = "quiz_confirm";
    form.appendChild(action);
    saving.finally(() => form.submit());
  }
  window.setTimeout(tick, 1000);
})();
