// Starts the built app with safe local defaults; every value can be overridden by the environment.
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
// adapter-node assumes https when no ORIGIN is given, which would reject local form posts.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;

// Petitions may carry up to three 5 MB attachments; adapter-node's default limit is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '16M';

await import('../build/index.js');
