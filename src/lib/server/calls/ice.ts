import { config, type CallConfig } from '../config';
import { randomToken, sharedHmac } from '../crypto';

export interface IceServer {
	urls: string[];
	username?: string;
	credential?: string;
}

/**
 * A TURN credential as coturn's REST API defines it (`use-auth-secret`): the user name is the
 * expiry in Unix seconds and a random label, the password the base64 HMAC-SHA1 of the user name
 * under the shared secret. coturn checks the expiry against its own clock, the real one, so this
 * instant comes from the system clock and not the app's (which tests may set to another year).
 */
export function turnCredential(secret: string, ttlSeconds: number, nowMs = Date.now()) {
	const expiry = Math.floor(nowMs / 1000) + ttlSeconds;
	const username = `${expiry}:${randomToken(6)}`;
	const credential = sharedHmac(secret, username, { algorithm: 'sha1', encoding: 'base64' });
	return { username, credential };
}

/** The ICE servers for one browser joining a call: STUN as configured, TURN with fresh credentials. */
export function iceServers(settings: CallConfig = config.calls): IceServer[] {
	const stun = settings.iceServers.filter((url) => url.startsWith('stun'));
	const turn = settings.iceServers.filter((url) => url.startsWith('turn'));
	const servers: IceServer[] = [];
	if (stun.length) servers.push({ urls: stun });
	if (turn.length && settings.turnSecret) {
		servers.push({
			urls: turn,
			...turnCredential(settings.turnSecret, settings.turnCredentialTtl)
		});
	}
	return servers;
}
