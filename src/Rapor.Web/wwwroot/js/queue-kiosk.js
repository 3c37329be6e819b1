// Kiosk: take a ticket, print it, follow the connection; texts come from the body's data-text (JSON).
(function () {
    var unit = document.body.dataset.unit, text = JSON.parse(document.body.dataset.text);
    var grid = document.getElementById('services'), message = document.getElementById('message'), modal = document.getElementById('modal');
    var closeTimer = null;
    function fmt(s, v) { return s.replace('{0}', v); }
    function load() {
        RaporDevice.api('/api/queue/' + unit + '/services', {}, unit).then(function (r) {
            if (r.status === 401 || r.status === 403) { message.textContent = text.unpaired; return null; }
            return r.ok ? r.json() : null;
        }).then(function (k) {
            if (!k) return;
            grid.innerHTML = '';
            k.services.forEach(function (s) {
                var b = document.createElement('button');
                b.type = 'button'; b.dataset.service = s.code; b.setAttribute('data-testid', 'service-' + s.code);
                b.textContent = s.name;
                var small = document.createElement('small');
                small.textContent = s.group + ' · ' + s.slaValue + ' ' + (s.slaUnit === 'Menit' ? text.minutes : text.days);
                b.appendChild(small);
                b.addEventListener('click', function () { take(s.code, b); });
                grid.appendChild(b);
            });
        });
    }
    function take(code, button) {
        var p = document.querySelector('input[name=priority]:checked').value;
        button.disabled = true;
        RaporDevice.api('/api/queue/' + unit + '/tickets', { method: 'POST', body: { service: code, priority: p || null } }, unit).then(function (r) {
            return r.json().then(function (j) { if (!r.ok) throw new Error(j.detail || text.failed); return j; });
        }).then(function (issued) {
            var t = issued.ticket;
            document.getElementById('ticket-number').textContent = t.number;
            document.getElementById('ticket-service').textContent = t.serviceName;
            document.getElementById('ticket-ahead').textContent = (t.ahead > 0 ? fmt(text.ahead, t.ahead) : text.none) + (t.estimatedWaitMinutes ? ' · ' + fmt(text.eta, t.estimatedWaitMinutes) : '');
            document.getElementById('print-number').textContent = t.number;
            document.getElementById('print-service').textContent = t.serviceName;
            document.getElementById('print-time').textContent = new Date(t.takenAt).toLocaleString('id-ID');
            document.getElementById('print-qr').innerHTML = issued.qrSvg;
            modal.classList.add('open');
            message.textContent = '';
            clearTimeout(closeTimer);
            closeTimer = setTimeout(close, 20000);
            document.querySelector('input[name=priority][value=""]').checked = true;
        }).catch(function (e) { message.textContent = e.message || text.failed; }).finally(function () { button.disabled = false; });
    }
    function close() { modal.classList.remove('open'); }
    document.getElementById('close').addEventListener('click', close);
    document.getElementById('print').addEventListener('click', function () {
        document.body.classList.add('printing'); window.print(); document.body.classList.remove('printing'); close();
    });
    var live = document.getElementById('live');
    RaporLive.connect('/api/queue/' + unit + '/events', unit, function () { }, function (online) {
        document.body.classList.toggle('is-offline', !online);
        live.textContent = online ? text.online : text.offline;
        live.classList.toggle('offline', !online);
        grid.querySelectorAll('button').forEach(function (b) { b.disabled = !online; });
        if (online) load();
    });
})();
