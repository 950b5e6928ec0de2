// Starts the built app with safe local defaults; every value can be overridden by the environment.
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
// adapter-node assumes https when no ORIGIN is given, which would reject local form posts.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;

await import('../build/index.js');
