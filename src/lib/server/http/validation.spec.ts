import { describe, expect, it } from 'vitest';
import { withoutNul } from './validation';

describe('what a request may carry into the database', () => {
	it('drops NUL and turns lone surrogates into U+FFFD, in keys and nested values', () => {
		const sent = JSON.parse(
			'{"name":"\\udfffAna\\ud800","list":["a\\u0000b"],"\\ud83dkey":{"deep":"\\ud83d\\ude00"}}'
		);
		expect(withoutNul(sent)).toEqual({
			name: '\ufffdAna\ufffd',
			list: ['ab'],
			'\ufffdkey': { deep: '😀' }
		});
	});
});
