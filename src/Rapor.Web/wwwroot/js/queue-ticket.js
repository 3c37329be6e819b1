// Ticket follow page: loaded only while the ticket is still open; refresh so the visitor sees their turn coming.
setTimeout(function () { location.reload(); }, 15000);
