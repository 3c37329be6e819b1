// Counter (loket) page: call, recall, start, finish, transfer, walk-in; texts come from #loket's data-text (JSON).
(function () {
    var root = document.getElementById('loket');
    if (!root) return;
    var unit = root.dataset.unit, counter = +root.dataset.counter, text = JSON.parse(root.dataset.text);
    var current = null, message = document.getElementById('message');
    function say(t, error) { message.textContent = t; message.className = 'mt-2 small ' + (error ? 'text-danger' : 'text-success'); }
    function post(url, body) {
        return RaporDevice.api(url, { method: 'POST', body: body || {} }).then(function (r) {
            if (r.status === 204) return null;
            return r.json().then(function (j) { if (!r.ok) throw new Error(j.detail || j.title); return j; });
        });
    }
    function render(board) {
        var mine = board.counters.filter(function (x) { return x.number === counter; })[0];
        current = mine && mine.ticketId ? mine : null;
        document.getElementById('current-number').textContent = current ? current.ticket : '—';
        document.getElementById('current-info').textContent = current ? (current.service + ' · ' + (text[current.status] || current.status)) : text.idle;
        ['recall', 'no-show'].forEach(function (id) { document.getElementById(id).disabled = !current || current.status !== 'Dipanggil'; });
        document.getElementById('start').disabled = !current || current.status !== 'Dipanggil';
        ['finish', 'transfer'].forEach(function (id) { document.getElementById(id).disabled = !current; });
        document.getElementById('call-next').disabled = !!current;
        var g = document.getElementById('groups');
        g.textContent = board.groups.length ? board.groups.map(function (x) { return x.group + ': ' + x.waiting + ' ' + text.waiting; }).join(' · ') : text.nobody;
    }
    function load() { RaporDevice.api('/api/queue/' + unit + '/board').then(function (r) { return r.ok ? r.json() : null; }).then(function (b) { if (b) render(b); }); }
    function step(action, body) {
        if (!current) return;
        post('/api/queue/tickets/' + current.ticketId + '/' + action, body).then(function (t) { say(t.number + ': ' + t.status); load(); }).catch(function (e) { say(e.message, true); load(); });
    }
    document.getElementById('call-next').addEventListener('click', function () {
        post('/api/queue/' + unit + '/counters/' + counter + '/call-next').then(function (t) { say(t ? t.number : text.nobody, !t); load(); }).catch(function (e) { say(e.message, true); load(); });
    });
    document.getElementById('recall').addEventListener('click', function () { step('recall'); });
    document.getElementById('start').addEventListener('click', function () { step('start'); });
    document.getElementById('no-show').addEventListener('click', function () { if (confirm(text.confirmNoShow)) step('no-show'); });
    document.getElementById('finish').addEventListener('click', function () {
        step('finish', { outcome: document.getElementById('outcome').value, note: document.getElementById('note').value });
        document.getElementById('note').value = '';
    });
    document.getElementById('transfer').addEventListener('click', function () { step('transfer', { counter: +document.getElementById('transfer-to').value }); });
    document.getElementById('walkin').addEventListener('click', function () {
        post('/api/queue/' + unit + '/tickets', { service: document.getElementById('walkin-service').value, priority: document.getElementById('walkin-priority').value || null })
            .then(function (i) { say(text.issued.replace('{0}', i.ticket.number)); load(); }).catch(function (e) { say(e.message, true); });
    });
    var live = document.getElementById('live');
    RaporLive.connect('/api/queue/' + unit + '/events', unit, function (kind) { if (kind === 'queue') load(); }, function (online) {
        live.textContent = online ? text.online : text.offline;
        live.className = 'badge ' + (online ? 'bg-success' : 'bg-danger');
        if (online) load();
    });
})();
