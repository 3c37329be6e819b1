// Queue display (TV): live board over SSE, chime and spoken call; texts come from the body's data-text (JSON).
(function () {
    var unit = document.body.dataset.unit, text = JSON.parse(document.body.dataset.text);
    var sound = false;
    document.getElementById('sound').addEventListener('click', function (e) { sound = true; RaporLive.chime(); e.target.remove(); });
    function el(tag, cls, txt) { var x = document.createElement(tag); if (cls) x.className = cls; if (txt != null) x.textContent = txt; return x; }
    function show(board) {
        var counters = document.getElementById('counters');
        counters.innerHTML = '';
        board.counters.forEach(function (c) {
            var row = el('div', 'counter'); row.setAttribute('data-testid', 'counter-' + c.number);
            row.appendChild(el('span', null, c.name));
            row.appendChild(el('b', null, c.ticket || '—'));
            counters.appendChild(row);
        });
        var history = document.getElementById('history');
        history.innerHTML = '';
        board.lastCalls.forEach(function (h) { history.appendChild(el('div', null, h.ticket + ' → ' + h.counterName)); });
        if (board.lastCalls.length > 0 && !window.__lastCall) {
            document.getElementById('now-number').textContent = board.lastCalls[0].ticket;
            document.getElementById('now-where').textContent = board.lastCalls[0].counterName;
        }
        if (board.runningText) document.getElementById('ticker').textContent = board.runningText;
    }
    function load() {
        RaporDevice.api('/api/queue/' + unit + '/board', {}, unit).then(function (r) {
            if (r.status === 401 || r.status === 403) { document.getElementById('message').textContent = text.unpaired; return null; }
            return r.ok ? r.json() : null;
        }).then(function (b) { if (b) show(b); });
    }
    function called(e) {
        // Kept for the browser test, which measures how long a call takes to reach the screen.
        window.__lastCall = { ticket: e.number, counter: e.counter, at: e.at, receivedAt: Date.now() };
        document.getElementById('now-number').textContent = e.number;
        document.getElementById('now-where').textContent = e.counterName || (text.counter + ' ' + e.counter);
        var now = document.getElementById('now');
        now.classList.remove('flash'); void now.offsetWidth; now.classList.add('flash');
        if (sound) { RaporLive.chime(); RaporLive.speak(RaporLive.callText(e.number, e.counter, e.counterName)); }
    }
    var live = document.getElementById('live');
    RaporLive.connect('/api/queue/' + unit + '/events', unit, function (kind, e) {
        if (kind !== 'queue') return;
        if (e.kind === 'called' || e.kind === 'recalled') called(e);
        load();
    }, function (online) {
        document.body.classList.toggle('is-offline', !online);
        live.textContent = online ? text.online : text.offline;
        live.classList.toggle('offline', !online);
        if (online) load();
    });
    function tick() { document.getElementById('clock').textContent = new Date().toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit', second: '2-digit' }); }
    tick(); setInterval(tick, 1000);
})();
