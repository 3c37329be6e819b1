// Field capture that keeps working without signal: forms marked data-offline-form are kept on the phone (IndexedDB)
// as they are typed, photos are downscaled on the phone and kept too, and a queue sends everything when the network
// is back — once: every record and photo carries an id made on the phone, and every send an id of its own.
// One module for every field form (WASPADA visit, Kegiatan, verifikasi lapangan); no framework. See ADR-032.
(function () {
    'use strict';
    const DB_NAME = 'rapor-offline';
    const PAGES = 'rapor-pages';
    const STATIC = 'rapor-static';
    const host = document.getElementById('offline-queue');
    const T = JSON.parse(host?.dataset.texts || '{}');
    const CFG = JSON.parse(host?.dataset.config || '{}');
    const ME = document.querySelector('meta[name="rapor-user"]')?.content || '';
    const MAX_SIDE = CFG.maxSide || 1600;
    const MAX_BYTES = CFG.maxBytes || 500 * 1024;
    const text = (key, ...args) => (T[key] || key).replace(/\{(\d)\}/g, (_, n) => String(args[Number(n)] ?? ''));

    // ---- storage ---------------------------------------------------------------------------------------------
    let dbPromise = null;
    function openDb() {
        dbPromise ??= new Promise((resolve, reject) => {
            const req = indexedDB.open(DB_NAME, 1);
            req.onupgradeneeded = () => {
                const db = req.result;
                db.createObjectStore('records', { keyPath: 'key' });
                db.createObjectStore('photos', { keyPath: 'id' }).createIndex('record', 'record');
            };
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
        });
        return dbPromise;
    }
    async function run(store, mode, fn) {
        const db = await openDb();
        return new Promise((resolve, reject) => {
            const tx = db.transaction(store, mode);
            const result = fn(tx.objectStore(store));
            tx.oncomplete = () => resolve(result && 'result' in result ? result.result : result);
            tx.onerror = () => reject(tx.error);
            tx.onabort = () => reject(tx.error);
        });
    }
    const getRecord = key => run('records', 'readonly', s => s.get(key));
    const putRecord = rec => run('records', 'readwrite', s => s.put(rec));
    const allRecords = () => run('records', 'readonly', s => s.getAll());
    const putPhoto = p => run('photos', 'readwrite', s => s.put(p));
    const photosOf = key => run('photos', 'readonly', s => s.index('record').getAll(key));
    async function deleteRecord(key) {
        const photos = await photosOf(key);
        await run('photos', 'readwrite', s => photos.forEach(p => s.delete(p.id)));
        await run('records', 'readwrite', s => s.delete(key));
    }

    function uuid() {
        if (crypto.randomUUID) return crypto.randomUUID();
        const b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    }

    // ---- photos: downscaled on the phone, metadata kept ------------------------------------------------------
    // Re-encoding drops the camera's EXIF (time, GPS) that the server reads at upload, so the original EXIF segment is
    // copied into the smaller JPEG. The pixels are drawn upright, so its orientation tag is set to 1 ("as stored").
    function uprightExif(app1) {
        const seg = app1.slice();
        const v = new DataView(seg.buffer);
        const tiff = 10; // FF E1, length, "Exif\0\0"
        const le = v.getUint16(tiff) === 0x4949;
        const ifd = tiff + v.getUint32(tiff + 4, le);
        if (ifd + 2 > seg.length) return seg;
        const count = v.getUint16(ifd, le);
        for (let n = 0; n < count && ifd + 2 + 12 * (n + 1) <= seg.length; n++) {
            const entry = ifd + 2 + 12 * n;
            if (v.getUint16(entry, le) === 0x0112) v.setUint16(entry + 8, 1, le);
        }
        return seg;
    }
    async function exifSegment(file) {
        const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
        if (head[0] !== 0xFF || head[1] !== 0xD8) return null;
        let i = 2;
        while (i + 4 <= head.length && head[i] === 0xFF) {
            const marker = head[i + 1];
            const len = (head[i + 2] << 8) | head[i + 3];
            if (marker === 0xDA || len < 2) break;
            if (marker === 0xE1 && head[i + 4] === 0x45 && head[i + 5] === 0x78 && head[i + 6] === 0x69 && head[i + 7] === 0x66 && i + 2 + len <= head.length)
                return head.slice(i, i + 2 + len);
            i += 2 + len;
        }
        return null;
    }
    async function downscale(file) {
        let bitmap;
        try {
            bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
        } catch {
            throw new Error(text('{0}: bukan foto. Hanya foto JPG atau PNG yang diterima.', file.name));
        }
        const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
        const w = Math.max(1, Math.round(bitmap.width * scale));
        const h = Math.max(1, Math.round(bitmap.height * scale));
        const canvas = new OffscreenCanvas(w, h);
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, w, h);
        ctx.drawImage(bitmap, 0, 0, w, h);
        bitmap.close?.();
        const original = await exifSegment(file);
        const exif = original ? uprightExif(original) : null;
        const budget = MAX_BYTES - (exif ? exif.length : 0);
        let quality = 0.8;
        let blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
        while (blob.size > budget && quality > 0.45) {
            quality -= 0.1;
            blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
        }
        if (exif) blob = new Blob([blob.slice(0, 2), exif, blob.slice(2)], { type: 'image/jpeg' });
        if (blob.size > MAX_BYTES)
            throw new Error(text('{0}: foto tetap lebih dari {1} KB setelah diperkecil.', file.name, Math.round(MAX_BYTES / 1024)));
        return { blob, width: w, height: h };
    }

    // ---- forms -----------------------------------------------------------------------------------------------
    const skip = el => !el.name || el.disabled || el.type === 'file' || el.type === 'submit' || el.type === 'button' || el.name === '__RequestVerificationToken';
    // Fields inside data-offline-when="name=value" count only while that field has that value (e.g. a finding's
    // severity only for an item answered "tidak sesuai").
    function applies(form, el) {
        const when = el.closest('[data-offline-when]')?.dataset.offlineWhen;
        if (!when) return true;
        const [name, value] = when.split('=');
        return [...form.querySelectorAll(`[name="${CSS.escape(name)}"]`)].some(x => (x.type === 'radio' || x.type === 'checkbox' ? x.checked : true) && x.value === value);
    }
    function readFields(form) {
        const out = {};
        for (const el of form.elements) {
            if (skip(el) || ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) || !applies(form, el)) continue;
            out[el.name] = el.value;
        }
        return out;
    }
    function writeFields(form, fields) {
        for (const el of form.elements) {
            if (skip(el)) continue;
            const v = fields[el.name];
            if (el.type === 'radio' || el.type === 'checkbox') el.checked = v !== undefined && v === el.value;
            else el.value = v ?? '';
        }
    }
    function labelOf(form, name) {
        const el = form.elements.namedItem(name);
        const one = el instanceof RadioNodeList ? el[0] : el;
        if (!one) return name;
        if (one.type !== 'radio') {
            const own = one.dataset.offlineLabel || one.getAttribute('aria-label') || one.labels?.[0]?.textContent?.trim();
            if (own) return own;
        }
        return one.closest('[data-offline-label]')?.dataset.offlineLabel || name;
    }
    function shown(form, name, value) {
        if (value === undefined || value === null || value === '') return '—';
        const el = form.elements.namedItem(name);
        if (el instanceof RadioNodeList) {
            const r = [...el].find(x => x.value === value);
            return r?.labels?.[0]?.textContent?.trim() || value;
        }
        if (el?.tagName === 'SELECT') return [...el.options].find(o => o.value === value)?.textContent || value;
        return value;
    }

    const bound = new Map();
    async function bindForm(form) {
        const kind = form.dataset.kind || 'kunjungan';
        let key = form.dataset.offlineKey;
        if (!key) {
            // A form that creates a new record (Kegiatan): carry on with this user's unfinished draft, else start one.
            const draft = (await allRecords()).find(r => r.user === ME && r.kind === kind && r.page === location.pathname && r.status === 'draft');
            key = draft?.key || `${kind}:${uuid()}`;
        }
        const id = key.slice(key.indexOf(':') + 1);
        const base = {
            key, user: ME, kind, page: location.pathname, url: (form.dataset.url || location.pathname + location.search).replace('{id}', id),
            label: form.dataset.label || document.title, syncUrl: form.dataset.syncUrl.replace('{id}', id),
            photoUrl: form.dataset.photoUrl.replace('{id}', id), photosFirst: form.dataset.photosFirst === 'true',
            baseVersion: form.dataset.version ? Number(form.dataset.version) : null, status: 'draft', fields: null,
        };
        let rec = await getRecord(key);
        const status = form.querySelector('[data-offline-status]');
        const say = (msg, cls) => { if (status) { status.textContent = msg; status.className = 'small ' + (cls || 'text-muted'); } };
        if (rec && rec.status !== 'sent' && rec.fields) {
            writeFields(form, rec.fields);
            say(text('Isian yang tersimpan di perangkat ini dipulihkan (belum terkirim).'), 'text-primary');
        } else {
            rec = { ...base };
        }
        const state = { form, get rec() { return rec; }, set rec(r) { rec = r; } };
        bound.set(key, state);

        let timer = null;
        const save = async () => {
            clearTimeout(timer);
            rec.fields = readFields(form);
            rec.updatedAt = Date.now();
            if (form.dataset.labelFields)
                rec.label = [form.dataset.label, ...form.dataset.labelFields.split(',').map(n => rec.fields[n] ? shown(form, n, rec.fields[n]) : null).filter(Boolean)].join(' · ');
            if (rec.status === 'sent' || rec.status === 'error') rec.status = 'draft';
            await putRecord(rec);
            say(text('Tersimpan di perangkat ini {0}.', new Date().toLocaleTimeString()));
            renderQueue();
        };
        form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(save, 400); });
        form.addEventListener('change', save);

        // Downscaling takes a moment: a submit right after choosing photos waits for them.
        let photoWork = Promise.resolve();
        form.querySelectorAll('input[type=file][data-offline-photo]').forEach(input => input.addEventListener('change', () => { photoWork = photoWork.then(async () => {
            const problems = [];
            for (const file of [...input.files]) {
                try {
                    const { blob, width, height } = await downscale(file);
                    const name = (file.name.replace(/\.[^.]+$/, '') || 'foto') + '.jpg';
                    await putPhoto({ id: uuid(), record: key, field: input.dataset.field || '', name, type: 'image/jpeg', blob, size: blob.size, width, height, status: 'pending', original: file.size });
                } catch (e) {
                    problems.push(e.message);
                }
            }
            input.value = '';
            await save();
            await renderPhotos(form, key, problems);
        }); }));
        form.querySelectorAll('[data-offline-gps]').forEach(btn => btn.addEventListener('click', () => {
            const out = form.querySelector('[data-gps-status]');
            if (!navigator.geolocation) { if (out) out.textContent = text('Perangkat tidak mendukung GPS.'); return; }
            if (out) out.textContent = text('Mencari lokasi…');
            navigator.geolocation.getCurrentPosition(p => {
                form.elements.namedItem(btn.dataset.lat || 'latitude').value = p.coords.latitude.toFixed(6);
                form.elements.namedItem(btn.dataset.lng || 'longitude').value = p.coords.longitude.toFixed(6);
                const acc = form.elements.namedItem(btn.dataset.acc || 'accuracy');
                if (acc) acc.value = Math.round(p.coords.accuracy);
                if (out) out.textContent = text('Lokasi terisi (±{0} m).', Math.round(p.coords.accuracy));
                save();
            }, e => { if (out) out.textContent = text('Lokasi tidak didapat: {0}', e.message); }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
        }));

        form.addEventListener('submit', async e => {
            e.preventDefault();
            await photoWork;
            const complete = e.submitter?.name === 'complete' ? e.submitter.value === 'true' : form.dataset.complete === 'true';
            if (complete) {
                const missing = [...new Set([...form.querySelectorAll('[data-required-on-complete]')].map(x => x.name))]
                    .filter(n => !form.querySelector(`[name="${CSS.escape(n)}"]:checked`)).map(n => labelOf(form, n));
                if (missing.length) { say(text('Belum dijawab: {0}.', missing.join(', ')), 'text-danger'); return; }
                if (e.submitter?.dataset.confirm && !confirm(e.submitter.dataset.confirm)) return;
            }
            await save();
            rec.complete = complete;
            rec.submissionId = uuid();
            rec.status = 'queued';
            rec.message = null;
            rec.queuedAt = Date.now();
            await putRecord(rec);
            say(navigator.onLine ? text('Mengirim…') : text('Tersimpan di perangkat. Akan dikirim begitu ada sinyal.'), 'text-primary');
            renderQueue();
            await syncAll();
            const after = await getRecord(key);
            if (after?.status === 'sent') {
                location.href = after.doneUrl || rec.url;
            } else if (after?.status === 'queued') {
                if (form.dataset.next === 'reset') {
                    // A form that records many (Kegiatan): this one waits in the queue, the form starts a new one.
                    sessionStorage.setItem('offline-flash', text('Tersimpan di perangkat. Akan dikirim begitu ada sinyal.'));
                    location.reload();
                    return;
                }
                say(text('Tersimpan di perangkat. Akan dikirim begitu ada sinyal.'), 'text-primary');
            } else if (after?.status === 'error') {
                say(after.message, 'text-danger');
            } else if (after?.status === 'conflict') {
                renderConflict(state);
            }
        });

        if (form.dataset.next === 'reset' && sessionStorage.getItem('offline-flash')) {
            say(sessionStorage.getItem('offline-flash'), 'text-primary');
            sessionStorage.removeItem('offline-flash');
        }
        await renderPhotos(form, key, []);
        if (rec.status === 'conflict') renderConflict(state);
        else if (rec.status === 'error' && rec.message) say(rec.message, 'text-danger');
    }

    async function renderPhotos(form, key, problems) {
        const photos = await photosOf(key);
        form.querySelectorAll('[data-photo-list]').forEach(list => {
            const field = list.dataset.photoList;
            list.replaceChildren(...photos.filter(p => p.field === field).map(p => {
                const span = document.createElement('span');
                span.className = 'offline-photo';
                span.dataset.testid = 'offline-photo';
                if (p.blob) {
                    const img = document.createElement('img');
                    img.src = URL.createObjectURL(p.blob);
                    img.alt = p.name;
                    img.onload = () => URL.revokeObjectURL(img.src);
                    span.append(img);
                }
                const caption = document.createElement('small');
                caption.textContent = p.status === 'rejected' ? `${p.name}: ${p.message}` : `${p.name} · ${Math.round(p.size / 1024)} KB` + (p.status === 'sent' ? ' ✓' : '');
                if (p.status === 'rejected') caption.className = 'text-danger';
                span.append(caption);
                if (p.status === 'pending') {
                    const del = document.createElement('button');
                    del.type = 'button';
                    del.className = 'btn btn-link btn-sm text-danger p-0 ms-1';
                    del.textContent = '✕';
                    del.setAttribute('aria-label', text('Hapus foto'));
                    del.onclick = async () => { await run('photos', 'readwrite', s => s.delete(p.id)); await renderPhotos(form, key, []); renderQueue(); };
                    span.append(del);
                }
                return span;
            }));
        });
        const out = form.querySelector('[data-photo-errors]');
        if (out) {
            out.replaceChildren(...problems.map(m => { const d = document.createElement('div'); d.textContent = m; return d; }));
            out.dataset.testid = 'photo-errors';
        }
    }

    function renderConflict(state) {
        const { form, rec } = state;
        const box = form.parentElement.querySelector('[data-offline-conflict]') || form.querySelector('[data-offline-conflict]');
        if (!box || !rec.server) return;
        const mine = rec.fields || {};
        const theirs = rec.server.fields || {};
        const ignored = new Set([...form.querySelectorAll('[data-offline-nocompare]')].map(e => e.name));
        const names = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter(n => !ignored.has(n) && (mine[n] || '') !== (theirs[n] || ''));
        const rows = names.map(n => `<tr><td>${esc(labelOf(form, n))}</td><td>${esc(shown(form, n, mine[n]))}</td><td>${esc(shown(form, n, theirs[n]))}</td></tr>`).join('');
        box.hidden = false;
        box.innerHTML = `<div class="alert alert-warning" data-testid="conflict">
            <strong>${esc(text('Data ini berubah di server sejak Anda membukanya'))}</strong>
            (${esc(rec.server.updatedBy || '')}${rec.server.updatedAt ? ', ' + esc(new Date(rec.server.updatedAt).toLocaleString()) : ''}). ${esc(rec.message || '')}
            <div class="table-responsive mt-2"><table class="table table-sm mb-2"><thead><tr><th>${esc(text('Isian'))}</th><th>${esc(text('Versi Anda'))}</th><th>${esc(text('Versi server'))}</th></tr></thead>
            <tbody>${rows || `<tr><td colspan="3">${esc(text('Isian sama; yang berubah jadwal, tim atau status.'))}</td></tr>`}</tbody></table></div>
            <button type="button" class="btn btn-sm btn-primary me-2" data-choose="mine" data-testid="keep-mine">${esc(text('Kirim versi saya'))}</button>
            <button type="button" class="btn btn-sm btn-outline-secondary" data-choose="server" data-testid="take-server">${esc(text('Pakai versi server'))}</button></div>`;
        box.querySelector('[data-choose=mine]').onclick = async () => {
            rec.baseVersion = rec.server.version;
            rec.submissionId = uuid();
            rec.status = 'queued';
            rec.server = null;
            await putRecord(rec);
            box.hidden = true;
            form.requestSubmit(form.querySelector(`button[name=complete][value="${rec.complete ? 'true' : 'false'}"]`) || undefined);
        };
        box.querySelector('[data-choose=server]').onclick = async () => {
            writeFields(form, theirs);
            form.dataset.version = rec.server.version;
            await deleteRecord(rec.key);
            box.hidden = true;
            location.reload();
        };
    }
    const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

    // ---- sending ---------------------------------------------------------------------------------------------
    class AuthError extends Error { }
    async function token() {
        const r = await fetch('/api/field-capture/token', { credentials: 'same-origin', cache: 'no-store', redirect: 'manual' });
        if (r.status === 401 || r.type === 'opaqueredirect') throw new AuthError();
        if (!r.ok) throw new Error('token ' + r.status);
        return (await r.json()).token;
    }
    async function problem(r) {
        try { const p = await r.json(); return p; } catch { return { detail: r.status + ' ' + r.statusText }; }
    }
    async function sendPhotos(rec, tk) {
        for (const p of await photosOf(rec.key)) {
            if (p.status !== 'pending') continue;
            const body = new FormData();
            body.append('photoId', p.id);
            body.append('field', p.field || '');
            body.append('file', p.blob, p.name);
            const r = await fetch(rec.photoUrl, { method: 'POST', body, headers: { RequestVerificationToken: tk }, credentials: 'same-origin' });
            if (r.status === 401) throw new AuthError();
            if (r.ok) {
                p.status = 'sent';
                p.blob = null;
            } else if (r.status === 409) {
                const pr = await problem(r);
                rec.status = 'conflict';
                rec.message = pr.detail;
                rec.server = pr.current || { version: rec.baseVersion, fields: {} };
                await putRecord(rec);
                return false;
            } else if (r.status >= 400 && r.status < 500) {
                // Refused (not an image, too big): the rest of the record still goes.
                p.status = 'rejected';
                p.message = r.status === 413 ? text('Foto terlalu besar.') : (await problem(r)).detail;
                p.blob = null;
            } else {
                throw new Error('photo ' + r.status);
            }
            await putPhoto(p);
        }
        return true;
    }
    async function sendRecord(rec, tk) {
        const r = await fetch(rec.syncUrl, {
            method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', RequestVerificationToken: tk },
            body: JSON.stringify({ submissionId: rec.submissionId, baseVersion: rec.baseVersion, complete: !!rec.complete, fields: rec.fields || {} }),
        });
        if (r.status === 401) throw new AuthError();
        if (r.ok) {
            const s = await r.json();
            rec.baseVersion = s.version;
            rec.doneUrl = s.url || rec.url;
            rec.recordSent = true;
            return true;
        }
        const pr = await problem(r);
        if (r.status === 409) {
            rec.status = 'conflict';
            rec.server = pr.current || null;
        } else if (r.status >= 400 && r.status < 500) {
            rec.status = 'error';
        } else {
            throw new Error('record ' + r.status);
        }
        rec.message = pr.errors?.length ? pr.errors.join(' ') : pr.detail;
        await putRecord(rec);
        return false;
    }

    let syncing = null;
    let sendingKey = null;
    let authNeeded = false;
    function syncAll() {
        if (!syncing) {
            // Cleared once settled: an attempt that ends before its first await must not leave itself behind as "running".
            syncing = send();
            syncing.finally(() => { syncing = null; });
        }
        return syncing;
    }

    async function send() {
        try {
            if (!navigator.onLine) return;
            const queued = (await allRecords()).filter(r => r.user === ME && r.status === 'queued').sort((a, b) => (a.queuedAt || 0) - (b.queuedAt || 0));
            if (!queued.length) return;
            const tk = await token();
            authNeeded = false;
            for (const rec of queued) {
                sendingKey = rec.key;
                renderQueue();
                if (rec.photosFirst && !await sendPhotos(rec, tk)) continue;
                if (!(rec.recordSent && !rec.photosFirst) && !await sendRecord(rec, tk)) continue;
                await putRecord(rec);
                if (!rec.photosFirst && !await sendPhotos(rec, tk)) continue;
                rec.status = 'sent';
                rec.sentAt = Date.now();
                await putRecord(rec);
            }
        } catch (e) {
            if (e instanceof AuthError) authNeeded = true;
            // A network failure leaves the rest queued for the next try.
            else console.warn('Rapor: sending failed, will retry', e);
        } finally {
            sendingKey = null;
            renderQueue();
        }
    }

    // ---- the queue, on every page ----------------------------------------------------------------------------
    async function renderQueue() {
        const box = document.getElementById('offline-queue');
        if (!box) return;
        const mine = (await allRecords()).filter(r => r.user === ME);
        const waiting = mine.filter(r => r.status === 'queued' || r.status === 'conflict' || r.status === 'error');
        const drafts = mine.filter(r => r.status === 'draft' && r.fields);
        const byKind = {};
        waiting.forEach(r => { byKind[r.kind] = (byKind[r.kind] || 0) + 1; });
        const summary = Object.entries(byKind).map(([k, n]) => text('{0} ' + k, n)).join(', ');
        box.hidden = waiting.length === 0 && drafts.length === 0;
        box.querySelector('[data-offline-summary]').textContent = waiting.length
            ? text('{0} menunggu dikirim', summary) + (navigator.onLine ? '' : ' · ' + text('luring'))
            : text('{0} draf tersimpan di perangkat', drafts.length);
        const hint = box.querySelector('[data-offline-hint]');
        hint.textContent = authNeeded ? text('Sesi berakhir: masuk lagi untuk mengirim; isian tetap tersimpan.') : '';
        const list = box.querySelector('[data-offline-list]');
        list.replaceChildren(...[...waiting, ...drafts].map(r => {
            const li = document.createElement('li');
            li.className = 'list-group-item small';
            const a = document.createElement('a');
            a.href = r.url;
            a.textContent = r.label;
            const state = document.createElement('span');
            state.className = 'ms-1 ' + (r.status === 'queued' ? 'text-muted' : r.status === 'draft' ? 'text-secondary' : 'text-danger');
            state.textContent = ' — ' + (r.key === sendingKey ? text('sedang dikirim…')
                : r.status === 'queued' ? text('menunggu dikirim')
                : r.status === 'conflict' ? text('berubah di server — buka untuk memilih versi')
                : r.status === 'error' ? text('ditolak server: {0}', r.message || '')
                : text('draf, belum dikirim'));
            li.append(a, state);
            return li;
        }));
    }

    async function makeAvailableOffline() {
        if (!('caches' in window) || !document.querySelector('[data-offline-page]')) return;
        const assets = [...document.querySelectorAll('script[src], link[rel=stylesheet][href]')].map(e => e.src || e.href).filter(u => u.startsWith(location.origin));
        const pages = await caches.open(PAGES);
        const statics = await caches.open(STATIC);
        if (navigator.onLine) {
            await Promise.all([pages.add(location.href), ...assets.map(u => statics.add(u))]).catch(() => { });
        }
        await navigator.serviceWorker?.ready;
        document.documentElement.dataset.offlineReady = '1';
        const badge = document.querySelector('[data-offline-ready]');
        if (badge) badge.hidden = false;
    }

    /// Keeps the listed pages (e.g. the coming visits) on the phone so they open without signal.
    async function prepare(urls) {
        const pages = await caches.open(PAGES);
        const statics = await caches.open(STATIC);
        // The pages share this page's layout: keep its scripts and styles too.
        await Promise.all([...document.querySelectorAll('script[src], link[rel=stylesheet][href]')].map(e => e.src || e.href)
            .filter(u => u.startsWith(location.origin)).map(u => statics.add(u).catch(() => { })));
        let done = 0;
        for (const u of urls) {
            try {
                const r = await fetch(u, { credentials: 'same-origin' });
                if (r.ok && !r.redirected) { await pages.put(u, r); done++; }
            } catch { /* offline: skip */ }
        }
        return done;
    }

    async function start() {
        if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => { });
        navigator.storage?.persist?.().catch(() => { });
        document.querySelectorAll('form[data-offline-form]').forEach(f => bindForm(f).catch(e => console.error(e)));
        document.getElementById('offline-send-now')?.addEventListener('click', () => syncAll());
        document.getElementById('offline-toggle')?.addEventListener('click', () => {
            const p = document.getElementById('offline-panel');
            p.hidden = !p.hidden;
        });
        document.querySelectorAll('[data-offline-prepare]').forEach(btn => btn.addEventListener('click', async () => {
            btn.disabled = true;
            const urls = JSON.parse(btn.dataset.offlinePrepare);
            const n = await prepare(urls);
            btn.disabled = false;
            const out = document.querySelector(btn.dataset.out || '#prepare-status');
            if (out) out.textContent = text('{0} dari {1} halaman kunjungan siap dibuka tanpa sinyal.', n, urls.length);
        }));
        // Leaving a shared phone: pages kept for offline use go; unsent entries stay (they belong to their author).
        document.querySelectorAll('form[action="/Account/Logout"]').forEach(f => f.addEventListener('submit', async e => {
            if (f.dataset.cleared) return;
            e.preventDefault();
            const waiting = (await allRecords()).filter(r => r.user === ME && r.status !== 'sent' && r.fields);
            if (waiting.length && !confirm(text('{0} isian belum terkirim dan tetap tersimpan di perangkat ini sampai Anda masuk lagi. Keluar?', waiting.length))) return;
            if ('caches' in window) await caches.delete(PAGES);
            f.dataset.cleared = '1';
            f.submit();
        }));
        window.addEventListener('online', () => syncAll());
        window.addEventListener('offline', () => renderQueue());
        setInterval(() => syncAll(), 30000);
        await makeAvailableOffline().catch(() => { });
        // Sent entries are kept a day for the record, then dropped.
        for (const r of await allRecords()) if (r.status === 'sent' && Date.now() - (r.sentAt || 0) > 86400000) await deleteRecord(r.key);
        renderQueue();
        syncAll();
    }

    window.RaporOffline = { syncAll, prepare, records: allRecords, photos: photosOf };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
})();
