// Bumped whenever the database is emptied (tests), so caches of what it holds start again.
let value = 0;

export const generation = {
	current: (): number => value,
	bump: (): void => {
		value += 1;
	}
};
