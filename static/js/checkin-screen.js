// The projector screen: a fresh code and QR every minute, the check-in count every few seconds.
(function () {
  const screen = document.querySelector("[data-checkin-screen]");
  if (!screen) return;
  let lastCode = screen.querySelector("[data-code]").textContent;
  async function refresh() {
    try {
      const response = await fetch(screen.dataset.statusUrl, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const state = await response.json();
        screen.querySelector("[data-count]").textContent = state.count;
        if (state.code !== lastCode) {
          lastCode = state.code;
          screen.querySelector("[data-code]").textContent = state.code;
          screen.querySelector("[data-qr]").innerHTML = state.qr;
        }
      }
    } catch (error) { /* the hall's wifi dropped a request: the next one will do */ }
  }
  window.setInterval(refresh, 5000);
})();
