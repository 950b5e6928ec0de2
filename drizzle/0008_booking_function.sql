-- Bookings and guess limits in one statement each: the steps the app sent one by one (claim the
-- Idempotency-Key, lock the document, count pending appointments, count against each limit, take a
-- place or give back the slot's expired holds, insert the booking, count and write the email, keep
-- the answer) run inside the database, so a booking costs one round trip and holds its locks for
-- as short as possible. Refusals are raised as 'vt:<CODE>' with their figures as JSON in DETAIL,
-- so the whole booking rolls back as before.

-- One hit on a sliding-window counter (src/lib/server/rate-limit.ts): {allowed 0|1, used, retryAfter}.
CREATE OR REPLACE FUNCTION vt_hit(p_bucket text, p_max integer, p_window_seconds integer, p_now timestamptz)
RETURNS integer[] LANGUAGE plpgsql AS $$
DECLARE
	v_used integer;
	v_oldest timestamptz;
	v_retry integer;
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext(p_bucket));
	SELECT coalesce(sum(hits), 0)::integer, min(window_start) INTO v_used, v_oldest
	FROM rate_limits
	WHERE bucket = p_bucket
		AND window_start > p_now - make_interval(secs => p_window_seconds)
		AND hits > 0;
	v_retry := greatest(1, ceil(extract(epoch FROM (coalesce(v_oldest, p_now) + make_interval(secs => p_window_seconds) - p_now)))::integer);
	IF v_used >= p_max THEN
		RETURN ARRAY[0, v_used, v_retry];
	END IF;
	INSERT INTO rate_limits (bucket, window_start, hits) VALUES (p_bucket, p_now, 1)
	ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1;
	RETURN ARRAY[1, v_used + 1, v_retry];
END;
$$;
--> statement-breakpoint
-- Several hits at once, in the order given (the callers keep one order, so no two wait in a circle).
CREATE OR REPLACE FUNCTION vt_hits(p_buckets text[], p_maxes integer[], p_windows integer[], p_now timestamptz)
RETURNS integer[] LANGUAGE plpgsql AS $$
DECLARE
	v_all integer[] := '{}';
BEGIN
	FOR i IN 1 .. coalesce(array_length(p_buckets, 1), 0) LOOP
		v_all := v_all || vt_hit(p_buckets[i], p_maxes[i], p_windows[i], p_now);
	END LOOP;
	RETURN v_all;
END;
$$;
--> statement-breakpoint
-- Gives back hits (a right answer): a counter at zero is dropped, so windows do not fill with
-- empty rows that every count would read again.
CREATE OR REPLACE FUNCTION vt_refund(p_buckets text[], p_at timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM rate_limits WHERE bucket = ANY (p_buckets) AND window_start = p_at AND hits <= 1;
	UPDATE rate_limits SET hits = hits - 1 WHERE bucket = ANY (p_buckets) AND window_start = p_at;
END;
$$;
--> statement-breakpoint
-- A refusal of the booking: the error the app maps to its DomainError (src/lib/server/appointments/booking.ts).
CREATE OR REPLACE FUNCTION vt_refuse(p_code text, p_detail jsonb)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION USING MESSAGE = 'vt:' || p_code, DETAIL = p_detail::text;
END;
$$;
--> statement-breakpoint
-- One booking (src/lib/server/appointments/booking.ts prepares `p`): returns {replayed, result}.
CREATE OR REPLACE FUNCTION vt_book(p jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
	v_now timestamptz := (p->>'now')::timestamptz;
	v_key text := p->>'key';
	v_start timestamptz := (p->'appointment'->>'start')::timestamptz;
	v_first idempotency_keys%ROWTYPE;
	v_count integer;
	v_limit jsonb;
	v_hit integer[];
	v_taken boolean;
	v_expired integer := 0;
	v_hold record;
	v_closure text;
BEGIN
	IF v_key IS NOT NULL THEN
		INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at)
		VALUES (p->>'scope', v_key, p->>'requestHash', 0, 'null'::jsonb, v_now)
		ON CONFLICT DO NOTHING;
		IF NOT FOUND THEN
			SELECT * INTO v_first FROM idempotency_keys WHERE scope = p->>'scope' AND key = v_key;
			IF v_first.request_hash IS DISTINCT FROM p->>'requestHash' THEN
				PERFORM vt_refuse('IDEMPOTENCY_KEY_REUSED', '{}');
			END IF;
			RETURN jsonb_build_object('replayed', true, 'result', v_first.body);
		END IF;
	END IF;

	-- One booking at a time per document, so two tabs cannot both pass the limit.
	PERFORM pg_advisory_xact_lock(hashtext('appointments:' || (p->>'documentType') || ':' || (p->>'documentNumber')));
	SELECT count(*)::integer INTO v_count FROM appointments
	WHERE document_type = p->>'documentType' AND document_number = p->>'documentNumber'
		AND status IN ('booked', 'held') AND start > v_now;
	IF v_count >= (p->>'maxPending')::integer THEN
		PERFORM vt_refuse('TOO_MANY_APPOINTMENTS', jsonb_build_object('max', (p->>'maxPending')::integer, 'count', v_count));
	END IF;

	FOR v_limit IN SELECT * FROM jsonb_array_elements(p->'limits') LOOP
		v_hit := vt_hit(v_limit->>'bucket', (v_limit->>'max')::integer, (v_limit->>'windowSeconds')::integer, v_now);
		IF v_hit[1] = 0 THEN
			PERFORM vt_refuse(v_limit->>'code', jsonb_build_object('max', (v_limit->>'max')::integer, 'retryAfter', v_hit[3]));
		END IF;
	END LOOP;

	-- A closure approved on another instance before this one reloaded its list: read under the
	-- share lock the approval's update waits for (non-working-days), so this booking is either
	-- refused here or cancelled by the approval.
	SELECT (
		SELECT d->>'reason' FROM jsonb_array_elements(coalesce(c.published->'days', '[]'::jsonb)) d
		WHERE d->>'date' = p->>'day' AND d->>'kind' = 'closure' LIMIT 1
	) INTO v_closure
	FROM content_items c WHERE c.id = 'calendar:dias-no-habiles'
	FOR SHARE;
	IF v_closure IS NOT NULL THEN
		PERFORM vt_refuse('DAY_CLOSED', jsonb_build_object('reason', v_closure));
	END IF;

	-- The place: a conditional upsert under the slot row's lock, so no slot exceeds its capacity;
	-- when it is full, the slot's holds that ran out are given back first (as holds.ts expireHolds).
	LOOP
		INSERT INTO appointment_slots (start, capacity, booked) VALUES (v_start, (p->>'capacity')::integer, 1)
		ON CONFLICT (start) DO UPDATE SET booked = appointment_slots.booked + 1
		WHERE appointment_slots.booked < appointment_slots.capacity;
		v_taken := FOUND;
		EXIT WHEN v_taken OR v_expired > 0;
		FOR v_hold IN
			SELECT id FROM appointments
			WHERE status = 'held' AND hold_expires_at <= v_now AND start = v_start
			ORDER BY start LIMIT 100 FOR UPDATE SKIP LOCKED
		LOOP
			UPDATE appointments SET status = 'expired', updated_at = v_now WHERE id = v_hold.id;
			UPDATE appointment_slots SET booked = greatest(booked - 1, 0) WHERE start = v_start;
			v_expired := v_expired + 1;
		END LOOP;
		EXIT WHEN v_expired = 0;
	END LOOP;
	IF NOT v_taken THEN
		PERFORM vt_refuse('SLOT_UNAVAILABLE', '{}');
	END IF;

	INSERT INTO appointments (
		id, reference, status, topic, start, "end", locale, name, document_type, document_number,
		email, phone, description, call_language, interpreter, accessibility_needs, preferential,
		consent_at, policy_version, manage_token_hash, manage_token_sealed, confirm_token_hash,
		hold_expires_at, confirmation_call, video_url, sequence, created_at, updated_at
	)
	SELECT
		id, reference, status, topic, start, "end", locale, name, document_type, document_number,
		email, phone, description, call_language, interpreter, accessibility_needs, preferential,
		consent_at, policy_version, manage_token_hash, manage_token_sealed, confirm_token_hash,
		hold_expires_at, confirmation_call, video_url, sequence, v_now, v_now
	FROM jsonb_populate_record(NULL::appointments, p->'appointment');

	-- The link to confirm goes to an address nobody confirmed yet: it counts against the address's
	-- few unconfirmed emails of the day, and past them the booking is refused.
	IF jsonb_typeof(p->'email') = 'object' THEN
		v_hit := vt_hit(p->'email'->>'bucket', (p->'email'->>'max')::integer, (p->'email'->>'windowSeconds')::integer, v_now);
		IF v_hit[1] = 0 THEN
			PERFORM vt_refuse('EMAIL_LIMITED', jsonb_build_object('max', (p->'email'->>'max')::integer));
		END IF;
		INSERT INTO outbox (kind, recipient, subject, text, html, attachments, next_attempt_at, created_at)
		VALUES (
			p->'email'->>'kind', p->'email'->>'to', p->'email'->>'subject', p->'email'->>'text',
			p->'email'->>'html', coalesce(p->'email'->'attachments', '[]'::jsonb), v_now, v_now
		);
	END IF;

	IF v_key IS NOT NULL THEN
		UPDATE idempotency_keys SET body = p->'result' WHERE scope = p->>'scope' AND key = v_key;
	END IF;
	RETURN jsonb_build_object('replayed', false, 'result', p->'result');
END;
$$;
--> statement-breakpoint
-- A radicado look-up in one statement (src/lib/server/radicados/lookup.ts): the guess's hits
-- (client, client and number, number; vt_hits), the petition's row, and, only when the keyed hash
-- of the typed code is the stored one (the app compares it again in constant time), its events and
-- answers; a wrong code and an unknown number read the same. A right code from a client that is not
-- limited gives its hits back at once ('refunded'), by the rule of rate-limit.ts `guess`: limited
-- when the client's or the pair's count is spent, or the number's is and the pair counted more
-- than p_under_attack_from_client.
CREATE OR REPLACE FUNCTION vt_lookup(p_buckets text[], p_maxes integer[], p_windows integer[], p_now timestamptz, p_number text, p_code_hash text, p_under_attack_from_client integer)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
	v_hits integer[] := vt_hits(p_buckets, p_maxes, p_windows, p_now);
	v_row radicados%ROWTYPE;
	v_limited boolean;
BEGIN
	SELECT * INTO v_row FROM radicados WHERE number = p_number;
	IF NOT FOUND THEN
		RETURN jsonb_build_object('hits', v_hits, 'row', NULL);
	END IF;
	IF v_row.code_hash IS DISTINCT FROM p_code_hash THEN
		RETURN jsonb_build_object('hits', v_hits, 'row', to_jsonb(v_row));
	END IF;
	v_limited := v_hits[1] = 0 OR v_hits[4] = 0 OR (v_hits[7] = 0 AND v_hits[5] > p_under_attack_from_client);
	IF NOT v_limited THEN
		PERFORM vt_refund(ARRAY(SELECT p_buckets[i] FROM generate_subscripts(p_buckets, 1) i WHERE v_hits[3 * i - 2] = 1), p_now);
	END IF;
	RETURN jsonb_build_object(
		'hits', v_hits,
		'refunded', NOT v_limited,
		'row', to_jsonb(v_row),
		'events', (SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e.at, e.id), '[]'::jsonb) FROM radicado_events e WHERE e.radicado_id = v_row.id),
		'responses', (SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.at), '[]'::jsonb) FROM radicado_responses r WHERE r.radicado_id = v_row.id)
	);
END;
$$;
