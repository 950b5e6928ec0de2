// Read-only content: the page ships no JavaScript.
export const csr = false;
