// Served by the service worker in place of pages that need the network: plain HTML, no app runtime,
// so it works whatever address it is shown at.
export const csr = false;
