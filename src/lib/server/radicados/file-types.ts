/**
 * What an uploaded file really is, from its whole structure rather than its first bytes: a PDF
 * whose cross-reference section is where its trailer says, a PNG whose every chunk has its
 * checksum and that ends with IEND, a JPEG whose segments run from SOI through a frame and its
 * scans to EOI. A file that only starts like one ("%PDF-" and then a web page, a PNG signature
 * and then SVG) is none of them: a browser could be led to read it as a page.
 */

export type FileType = 'application/pdf' | 'image/jpeg' | 'image/png';

const ascii = (bytes: Uint8Array, from = 0, to = bytes.byteLength) =>
	Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1');

// What a browser looks for when it guesses that bytes are a page or an image it can script.
const MARKUP = /<(!doctype|html|head|body|script|iframe|svg|object|embed|frameset)[\s/>]/i;

/** Whether some bytes hold markup a browser would read as a page (HTML, SVG). */
export function holdsMarkup(bytes: Uint8Array, from = 0, to = bytes.byteLength): boolean {
	return MARKUP.test(ascii(bytes, from, to));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array, from: number, to: number): number {
	let crc = 0xffffffff;
	for (let i = from; i < to; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Signature, IHDR first, every chunk whole and its CRC right, an IDAT, and nothing after IEND. */
export function isPng(bytes: Uint8Array): boolean {
	if (!PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return false;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let at = 8;
	let index = 0;
	let images = 0;
	while (at + 12 <= bytes.byteLength) {
		const length = view.getUint32(at);
		const type = ascii(bytes, at + 4, at + 8);
		const end = at + 12 + length;
		if (!/^[A-Za-z]{4}$/.test(type) || end > bytes.byteLength) return false;
		if (crc32(bytes, at + 4, at + 8 + length) !== view.getUint32(at + 8 + length)) return false;
		if (index === 0) {
			if (type !== 'IHDR' || length !== 13) return false;
			if (view.getUint32(at + 8) === 0 || view.getUint32(at + 12) === 0) return false;
		}
		if (type === 'IDAT') images += 1;
		if (type === 'IEND') return length === 0 && images > 0 && end === bytes.byteLength;
		at = end;
		index += 1;
	}
	return false;
}

/**
 * SOI, marker segments with their lengths, a frame (SOF) before the first scan, scans of
 * entropy-coded data, and EOI. Phones may append data after EOI (a second picture, maker data):
 * kept, unless it holds markup.
 */
export function isJpeg(bytes: Uint8Array): boolean {
	if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
	const length = (at: number) => (bytes[at]! << 8) | bytes[at + 1]!;
	let at = 2;
	let frame = false;
	let scans = 0;
	while (at < bytes.byteLength) {
		if (bytes[at] !== 0xff) return false;
		while (bytes[at] === 0xff) at += 1; // fill bytes
		const marker = bytes[at];
		at += 1;
		if (marker === undefined) return false;
		if (marker === 0xd9) return frame && scans > 0 && !holdsMarkup(bytes, at);
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
		if (marker === 0xd8 || marker === 0x00) return false;
		if (at + 2 > bytes.byteLength) return false;
		const size = length(at);
		if (size < 2 || at + size > bytes.byteLength) return false;
		const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
		if (isFrame) {
			if (size < 8 || length(at + 3) === 0 || length(at + 5) === 0) return false;
			frame = true;
		}
		at += size;
		if (marker === 0xda) {
			if (!frame) return false;
			scans += 1;
			// Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 nor a restart.
			while (at + 1 < bytes.byteLength) {
				const next = bytes[at + 1]!;
				if (bytes[at] === 0xff && next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff)
					break;
				at += 1;
			}
		}
	}
	return false;
}

const PDF_HEADER = /^%PDF-(1\.[0-7]|2\.0)[\r\n]/;
const PDF_WHITESPACE = /^[\0\t\n\f\r ]*$/;

/**
 * A header, and a body a reader can find its way through: the file ends with `startxref`, the
 * offset of a cross-reference section and `%%EOF`; at that offset stands a cross-reference table
 * (whose trailer names the document catalogue, /Root, and whose first object is where the table
 * says) or a cross-reference stream (an object of /Type /XRef naming /Root).
 */
export function isPdf(bytes: Uint8Array): boolean {
	if (!PDF_HEADER.test(ascii(bytes, 0, 16))) return false;
	const tailStart = Math.max(0, bytes.byteLength - 1024);
	const tail = ascii(bytes, tailStart);
	const found = /startxref[\0\t\n\f\r ]+(\d{1,10})[\0\t\n\f\r ]+%%EOF([\s\S]*)$/.exec(tail);
	if (!found || !PDF_WHITESPACE.test(found[2]!)) return false;
	const offset = Number(found[1]);
	if (offset < 9 || offset >= bytes.byteLength) return false;
	const section = ascii(bytes, offset, Math.min(bytes.byteLength, offset + 64 * 1024));
	if (section.startsWith('xref')) return classicTable(bytes, section);
	const stream =
		/^(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj[\0\t\n\f\r ]*<<([\s\S]*?)>>[\0\t\n\f\r ]*stream/.exec(
			section
		);
	return (
		!!stream &&
		/\/Type[\0\t\n\f\r ]*\/XRef/.test(stream[3]!) &&
		/\/Root[\0\t\n\f\r ]/.test(stream[3]!)
	);
}

function classicTable(bytes: Uint8Array, section: string): boolean {
	const lines =
		/^xref[\0\t\n\f\r ]+(\d+)[ ]+(\d+)[\0\t\n\f\r ]+((?:\d{10} \d{5} [nf][\0\t\n\f\r ]{1,2})+)/.exec(
			section
		);
	if (!lines) return false;
	const first = Number(lines[1]);
	const entries = lines[3]!.trim().split(/[\0\t\n\f\r ]*(?=\d{10} \d{5} [nf])/);
	if (entries.length === 0 || entries.length > Number(lines[2])) return false;
	const trailer = section.slice(lines[0].length);
	if (!/^(?:\d+ \d+[\s\S]*?)?trailer[\0\t\n\f\r ]*<<[\s\S]*\/Root[\0\t\n\f\r ]/.test(trailer)) {
		return false;
	}
	const inUse = entries.findIndex((entry) => entry.endsWith('n'));
	if (inUse < 0) return false;
	const objectOffset = Number(entries[inUse]!.slice(0, 10));
	const object = ascii(bytes, objectOffset, Math.min(bytes.byteLength, objectOffset + 40));
	return new RegExp(
		`^[\\0\\t\\n\\f\\r ]*${first + inUse}[\\0\\t\\n\\f\\r ]+\\d+[\\0\\t\\n\\f\\r ]+obj`
	).test(object);
}

/** The real type of a file from its structure; the name and the browser's claim do not count. */
export function fileType(bytes: Uint8Array): FileType | undefined {
	// What browsers sniff first must not be markup, whatever follows.
	if (holdsMarkup(bytes, 0, Math.min(bytes.byteLength, 1024))) return undefined;
	if (isPdf(bytes)) return 'application/pdf';
	if (isPng(bytes)) return 'image/png';
	if (isJpeg(bytes)) return 'image/jpeg';
	return undefined;
}
