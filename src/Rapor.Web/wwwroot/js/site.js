// Behaviour every page may use, declared with data attributes instead of inline script (the Content-Security-Policy
// allows script files from this origin only; see Infrastructure/SecurityHeaders.cs).
//   data-autosubmit            on a select/checkbox: submit its form when it changes
//   data-confirm="question"    on a submit button: ask first
//   data-gps="latId,lngId"     on a button: fill the two inputs with the device position (data-gps-status: status element id)
//   data-copy-from="id"        on a button: copy that input's value to the clipboard, then show ✓
//   data-select-on-focus       on an input: select its whole text when focused (links to copy by hand)
(function () {
    document.addEventListener('change', e => {
        const el = e.target;
        if (el instanceof HTMLElement && el.hasAttribute('data-autosubmit') && el.form) el.form.requestSubmit();
    });
    document.addEventListener('click', e => {
        const btn = e.target instanceof Element ? e.target.closest('[data-confirm]') : null;
        if (btn && !window.confirm(btn.getAttribute('data-confirm'))) { e.preventDefault(); e.stopPropagation(); }
    }, true);
    document.addEventListener('click', e => {
        const btn = e.target instanceof Element ? e.target.closest('[data-gps]') : null;
        if (!btn) return;
        const [latId, lngId] = btn.getAttribute('data-gps').split(',');
        const status = document.getElementById(btn.getAttribute('data-gps-status') || '');
        const say = text => { if (status) status.textContent = text; };
        if (!navigator.geolocation) { say(btn.dataset.gpsUnsupported || 'Perangkat tidak mendukung GPS.'); return; }
        say(btn.dataset.gpsSearching || 'Mencari lokasi…');
        navigator.geolocation.getCurrentPosition(p => {
            document.getElementById(latId).value = p.coords.latitude.toFixed(6);
            document.getElementById(lngId).value = p.coords.longitude.toFixed(6);
            say((btn.dataset.gpsDone || 'Lokasi terisi (±{0} m).').replace('{0}', Math.round(p.coords.accuracy)));
        }, err => say((btn.dataset.gpsDenied || 'Lokasi tidak diizinkan: {0}').replace('{0}', err.message)), { enableHighAccuracy: true, timeout: 15000 });
    });
    document.addEventListener('click', e => {
        const btn = e.target instanceof Element ? e.target.closest('[data-copy-from]') : null;
        const source = btn ? document.getElementById(btn.getAttribute('data-copy-from')) : null;
        if (!source || !navigator.clipboard) return;
        navigator.clipboard.writeText(source.value).then(() => { btn.textContent = '✓'; });
    });
    document.addEventListener('focusin', e => {
        if (e.target instanceof HTMLInputElement && e.target.hasAttribute('data-select-on-focus')) e.target.select();
    });
})();
