-- What one hit on each bucket would answer ({allowed 0|1, used, retryAfter}, as vt_hit), without
-- counting it or taking the buckets' locks.
CREATE OR REPLACE FUNCTION vt_peek(p_buckets text[], p_maxes integer[], p_windows integer[], p_now timestamptz)
RETURNS integer[] LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_all integer[] := '{}';
	v_used integer;
	v_oldest timestamptz;
	v_retry integer;
BEGIN
	FOR i IN 1 .. coalesce(array_length(p_buckets, 1), 0) LOOP
		SELECT coalesce(sum(hits), 0)::integer, min(window_start) INTO v_used, v_oldest
		FROM rate_limits
		WHERE bucket = p_buckets[i]
			AND window_start > p_now - make_interval(secs => p_windows[i])
			AND hits > 0;
		v_retry := greatest(1, ceil(extract(epoch FROM (coalesce(v_oldest, p_now) + make_interval(secs => p_windows[i]) - p_now)))::integer);
		IF v_used >= p_maxes[i] THEN
			v_all := v_all || ARRAY[0, v_used, v_retry];
		ELSE
			v_all := v_all || ARRAY[1, v_used + 1, v_retry];
		END IF;
	END LOOP;
	RETURN v_all;
END;
$$;
--> statement-breakpoint
-- A look-up as 0008's, but a right code is never counted: 0008 counted it and, limited or not, gave
-- it back in the same statement or the next, so its net effect on the counters was none, while
-- every look-up of one client waited on that client's bucket lock. The right code's verdict now
-- comes from vt_peek, a read; wrong codes and unknown numbers are counted as before
-- ('counted': true), so the limits on guessing are as strict as they were. The last argument is
-- no longer read; it stays so that this replaces 0008's function instead of adding another.
CREATE OR REPLACE FUNCTION vt_lookup(p_buckets text[], p_maxes integer[], p_windows integer[], p_now timestamptz, p_number text, p_code_hash text, p_under_attack_from_client integer)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
	v_row radicados%ROWTYPE;
BEGIN
	SELECT * INTO v_row FROM radicados WHERE number = p_number;
	IF NOT FOUND THEN
		RETURN jsonb_build_object('hits', vt_hits(p_buckets, p_maxes, p_windows, p_now), 'counted', true, 'row', NULL);
	END IF;
	IF v_row.code_hash IS DISTINCT FROM p_code_hash THEN
		RETURN jsonb_build_object('hits', vt_hits(p_buckets, p_maxes, p_windows, p_now), 'counted', true, 'row', to_jsonb(v_row));
	END IF;
	RETURN jsonb_build_object(
		'hits', vt_peek(p_buckets, p_maxes, p_windows, p_now),
		'counted', false,
		'row', to_jsonb(v_row),
		'events', (SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e.at, e.id), '[]'::jsonb) FROM radicado_events e WHERE e.radicado_id = v_row.id),
		'responses', (SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.at), '[]'::jsonb) FROM radicado_responses r WHERE r.radicado_id = v_row.id)
	);
END;
$$;
