// Poll a background task's progress ({running, done, total, percent, and optionally state_label}) and reload the page when it has finished.
(function () {
  const box = document.querySelector("[data-progress]");
  if (!box) return;
  const show = (name, value) => { const el = box.querySelector(`[data-${name}]`); if (el) el.textContent = value; };
  async function poll() {
    try {
      const response = await fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const progress = await response.json();
        if (!progress.running) { window.location.reload(); return; }
        box.querySelector("[data-bar]").value = progress.percent;
        show("done", progress.done);
        show("total", progress.total);
        show("percent", progress.percent);
        if (progress.state_label) show("state-label", progress.state_label);
      }
    } catch (error) { /* a dropped request: try again on the next tick */ }
    window.setTimeout(poll, 1000);
  }
  window.setTimeout(poll, 500);
})();
