// Kiosk, display and counter pages: device token, API calls, a Server-Sent Events stream that reconnects by itself,
// and the spoken call. No library: fetch + ReadableStream so a device can send its token as a header.
(function () {
    'use strict';
    var KEY = 'rapor.device';

    function stored() {
        try { return JSON.parse(localStorage.getItem(KEY) || 'null'); } catch (e) { return null; }
    }

    var RaporDevice = {
        // The paired device's token, if it belongs to this unit.
        token: function (unit) {
            var d = stored();
            return d && (!unit || d.unit === unit) ? d.token : null;
        },
        info: stored,
        forget: function () { localStorage.removeItem(KEY); },
        // fetch with the device token (bearer) or, for a signed-in officer, the cookie plus the antiforgery header.
        api: function (url, options, unit) {
            options = options || {};
            var headers = options.headers || {};
            var token = RaporDevice.token(unit);
            if (token) {
                headers['Authorization'] = 'Bearer ' + token;
            } else {
                var af = document.querySelector('meta[name="rv-token"]');
                if (af) headers['RequestVerificationToken'] = af.content;
            }
            if (options.body && typeof options.body !== 'string') {
                options.body = JSON.stringify(options.body);
                headers['Content-Type'] = 'application/json';
            }
            options.headers = headers;
            options.credentials = 'same-origin';
            return fetch(url, options);
        },
        pair: function (secret, text) {
            var status = document.getElementById('pair-status');
            history.replaceState(null, '', location.pathname); // the secret leaves the address bar at once
            if (!secret || secret.indexOf('rpr_') !== 0) { status.textContent = text.invalid; return; }
            fetch('/api/tokens/me', { headers: { 'Authorization': 'Bearer ' + secret } }).then(function (r) {
                if (!r.ok) throw new Error(r.status);
                return r.json();
            }).then(function (me) {
                if (!me.device) throw new Error('not a device');
                localStorage.setItem(KEY, JSON.stringify({ token: secret, unit: me.unit, purpose: me.device, name: me.name }));
                status.textContent = text.done;
                location.href = (me.device === 'Kiosk' ? '/Antrean/Kiosk/' : '/Antrean/Layar/') + encodeURIComponent(me.unit);
            }).catch(function () { status.textContent = text.invalid; });
        }
    };

    // An SSE stream read with fetch. onEvent(kind, data) for each event; onStatus(true|false) when the connection
    // comes or goes. Reconnects with a growing pause (1 s … 10 s); a stream silent for 40 s (the server sends a comment
    // every 15 s) counts as dead, which catches a network that vanished without closing the socket.
    function connect(url, unit, onEvent, onStatus) {
        var attempt = 0, stopped = false, controller = null, watchdog = null, online = null;

        function setOnline(v) { if (online !== v) { online = v; onStatus(v); } }

        function arm() {
            clearTimeout(watchdog);
            watchdog = setTimeout(function () { if (controller) controller.abort(); }, 40000);
        }

        function retry() {
            setOnline(false);
            if (stopped) return;
            var wait = Math.min(10000, 1000 * Math.pow(2, attempt++));
            setTimeout(open, wait);
        }

        function open() {
            controller = new AbortController();
            var headers = { 'Accept': 'text/event-stream' };
            var token = RaporDevice.token(unit);
            if (token) headers['Authorization'] = 'Bearer ' + token;
            fetch(url, { headers: headers, credentials: 'same-origin', cache: 'no-store', signal: controller.signal }).then(function (r) {
                if (!r.ok || !r.body) throw new Error('status ' + r.status);
                attempt = 0;
                setOnline(true);
                arm();
                var reader = r.body.getReader(), decoder = new TextDecoder(), buffer = '';
                function pump() {
                    return reader.read().then(function (chunk) {
                        if (chunk.done) throw new Error('closed');
                        arm();
                        buffer += decoder.decode(chunk.value, { stream: true });
                        var parts = buffer.split('\n\n');
                        buffer = parts.pop();
                        parts.forEach(function (block) {
                            var kind = 'message', data = '';
                            block.split('\n').forEach(function (line) {
                                if (line.indexOf('event:') === 0) kind = line.slice(6).trim();
                                else if (line.indexOf('data:') === 0) data += line.slice(5).trim();
                            });
                            if (data) { try { onEvent(kind, JSON.parse(data)); } catch (e) { /* ignore a malformed event */ } }
                        });
                        return pump();
                    });
                }
                return pump();
            }).catch(function () { clearTimeout(watchdog); retry(); });
        }

        // The browser knows first when the network goes: drop the stream at once rather than waiting for silence.
        window.addEventListener('offline', function () { if (controller) controller.abort(); });
        window.addEventListener('online', function () { if (online === false && controller) controller.abort(); });
        open();
        return { stop: function () { stopped = true; if (controller) controller.abort(); } };
    }

    var digits = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

    // "A-003" at counter 2 → "Nomor antrean A nol nol tiga, silakan ke loket dua".
    function callText(ticket, counter, counterName) {
        var parts = ticket.split('-');
        var spoken = parts[0] + ' ' + parts[1].split('').map(function (d) { return digits[+d]; }).join(' ');
        var loket = counterName && !/^loket\s*\d+$/i.test(counterName) ? counterName : 'loket ' + String(counter).split('').map(function (d) { return digits[+d]; }).join(' ');
        return 'Nomor antrean ' + spoken + ', silakan ke ' + loket;
    }

    var audio = null;
    // A two-tone chime made with WebAudio: no sound file to ship.
    function chime() {
        try {
            audio = audio || new (window.AudioContext || window.webkitAudioContext)();
            [[659.25, 0], [523.25, 0.35]].forEach(function (n) {
                var o = audio.createOscillator(), g = audio.createGain(), t = audio.currentTime + n[1];
                o.type = 'sine'; o.frequency.value = n[0];
                g.gain.setValueAtTime(0.0001, t); g.gain.exponentialRampToValueAtTime(0.4, t + 0.02); g.gain.exponentialRampToValueAtTime(0.0001, t + 0.6);
                o.connect(g); g.connect(audio.destination); o.start(t); o.stop(t + 0.65);
            });
        } catch (e) { /* no audio device */ }
    }

    function speak(text) {
        if (!('speechSynthesis' in window)) return;
        var u = new SpeechSynthesisUtterance(text);
        u.lang = 'id-ID'; u.rate = 0.9;
        var voice = speechSynthesis.getVoices().filter(function (v) { return /^id/i.test(v.lang); })[0];
        if (voice) u.voice = voice;
        setTimeout(function () { speechSynthesis.speak(u); }, 900); // after the chime
    }

    window.RaporDevice = RaporDevice;
    window.RaporLive = { connect: connect, callText: callText, chime: chime, speak: speak };
})();
