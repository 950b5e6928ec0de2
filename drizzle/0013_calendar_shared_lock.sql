-- 0012's vt_book, reading the calendar under a shared advisory lock instead of a share lock on its
-- row: every booking share-locking the same row made PostgreSQL write the row and record its
-- lockers (a multixact) once per booking, which cost about as much as the rest of the booking
-- (bench:booking's ceiling: 0.46 ms of the server's CPU per booking without the row, 0.8 with it).
-- The approval of a change of the list takes the same lock alone (non-working-days/index.ts), as
-- petitions filed and bookings moved read it shared. Nothing else changes.
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
	-- calendar's shared lock, which an approval's change of the list takes alone
	-- (non-working-days), so this booking is either refused here or cancelled by the approval.
	PERFORM pg_advisory_xact_lock_shared(hashtext('calendar:dias-no-habiles'));
	SELECT (
		SELECT d->>'reason' FROM jsonb_array_elements(coalesce(c.published->'days', '[]'::jsonb)) d
		WHERE d->>'date' = p->>'day' AND d->>'kind' = 'closure' LIMIT 1
	) INTO v_closure
	FROM content_items c WHERE c.id = 'calendar:dias-no-habiles';
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
		INSERT INTO outbox (kind, recipient, subject, text, html, attachments, recipe, next_attempt_at, created_at)
		VALUES (
			p->'email'->>'kind', p->'email'->>'to', p->'email'->>'subject', p->'email'->>'text',
			p->'email'->>'html', coalesce(p->'email'->'attachments', '[]'::jsonb), p->'email'->'recipe',
			v_now, v_now
		);
	END IF;

	IF v_key IS NOT NULL THEN
		UPDATE idempotency_keys SET body = p->'result' WHERE scope = p->>'scope' AND key = v_key;
	END IF;
	RETURN jsonb_build_object('replayed', false, 'result', p->'result');
END;
$$;
