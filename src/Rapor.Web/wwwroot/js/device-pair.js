// Pairing page: the secret travels in the address fragment (never sent to the server); messages come from data- attributes.
(function () {
    var status = document.getElementById('pair-status');
    RaporDevice.pair(location.hash.slice(1), { invalid: status.dataset.invalid, done: status.dataset.done });
})();
