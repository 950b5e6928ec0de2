// Without signal, an audio not saved on the phone cannot play: each player says so (and where to
// save it) instead of greying out with no word. Checked on opening, on losing or regaining the
// signal, and when a player fails to load.
const sayMissingAudio = async () => {
	for (const figure of document.querySelectorAll<HTMLElement>('[data-audio]')) {
		let kept = navigator.onLine || !('caches' in window);
		for (const source of figure.querySelectorAll('source')) {
			if (!kept && (await caches.match(source.src))) kept = true;
		}
		figure.querySelector<HTMLElement>('[data-audio-missing]')!.hidden = kept;
	}
};
void sayMissingAudio();
addEventListener('online', sayMissingAudio);
addEventListener('offline', sayMissingAudio);
// A <source> that fails to load fires "error" on itself only: listened to while it goes down.
document.addEventListener('error', sayMissingAudio, true);
