import { describe, expect, it } from 'vitest';
import { jpegFile, pdfFile, pngFile } from '../testing/files';
import { fileType } from './file-types';

const text = (value: string) => Buffer.from(value, 'latin1');

describe('the real type of an upload', () => {
	it('knows a real PDF, PNG and JPEG', () => {
		expect(fileType(pdfFile())).toBe('application/pdf');
		expect(fileType(pngFile())).toBe('image/png');
		expect(fileType(jpegFile())).toBe('image/jpeg');
	});

	it('refuses "%PDF-" followed by a web page', () => {
		expect(fileType(text('%PDF-1.4\n<html><body><script>alert(1)</script></body></html>'))).toBe(
			undefined
		);
		// Even with the words a PDF ends with, but no cross-reference table where they point.
		expect(fileType(text('%PDF-1.7\n<script>alert(1)</script>\nstartxref\n9\n%%EOF\n'))).toBe(
			undefined
		);
	});

	it('refuses a PNG signature followed by SVG', () => {
		const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>';
		const fake = Buffer.concat([pngFile().subarray(0, 8), text(svg)]);
		expect(fileType(fake)).toBe(undefined);
	});

	it('refuses a real image or PDF with a page hidden after its end or in its first bytes', () => {
		expect(fileType(Buffer.concat([pngFile(), text('<html><script>x</script>')]))).toBe(undefined);
		expect(fileType(Buffer.concat([jpegFile(), text('<svg onload=alert(1)>')]))).toBe(undefined);
		expect(fileType(Buffer.concat([pdfFile(), text('<html>')]))).toBe(undefined);
		const commented = text(
			pdfFile().toString('latin1').replace('%PDF-1.4\n', '%PDF-1.4\n%<html>\n')
		);
		expect(fileType(commented)).toBe(undefined);
	});

	it('refuses a PNG whose chunk checksum was altered, and one cut short', () => {
		const png = pngFile();
		const altered = Buffer.from(png);
		altered[30] = altered[30]! ^ 0xff;
		expect(fileType(altered)).toBe(undefined);
		expect(fileType(png.subarray(0, png.length - 12))).toBe(undefined);
	});

	it('refuses a JPEG cut before its end, and keeps one with a phone’s data after it', () => {
		const jpeg = jpegFile();
		expect(fileType(jpeg.subarray(0, jpeg.length - 2))).toBe(undefined);
		expect(fileType(Buffer.concat([jpeg, Buffer.from([0, 1, 2, 3]), jpeg]))).toBe('image/jpeg');
	});

	it('refuses a PDF whose table points to no object', () => {
		const broken = text(
			pdfFile()
				.toString('latin1')
				.replace(/0000000009 00000 n/, '0000000100 00000 n')
		);
		expect(fileType(broken)).toBe(undefined);
	});
});
