// Follows a round as it happens: the figures are fetched again again and
// replaced in place (every data-interval milliseconds) (their region is aria-live, so screen readers hear a change).
// Without JavaScript the page works the same, reloaded by hand.
(function () {
	var region = document.getElementById('siffror');
	if (!region || !window.fetch || !window.DOMParser) {
		return;
	}
	var url = region.getAttribute('data-refresh');
	function refresh() {
		fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
			.then(function (response) { return response.ok ? response.text() : null; })
			.then(function (html) {
				if (!html) { return; }
				var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('siffror');
				if (fresh && fresh.innerHTML !== region.innerHTML) {
					region.innerHTML = fresh.innerHTML;
				}
			})
			.catch(function () { });
	}
	window.setInterval(refresh, parseInt(region.getAttribute('data-interval'), 10) || 10000);
}());
