-- Privacy (issue 4): deleting an account. The account row stays, empty,
-- so contributions keep an author shown as "voormalig lid"; every row
-- that holds personal data goes, and stories are withdrawn unless the
-- storyteller chose to keep them public.

-- Erase account `acct` in one transaction (the caller's statement).
-- Returns false when there was no live account with that id.
CREATE OR REPLACE FUNCTION account_delete(acct bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	addr	text;
BEGIN
	-- Lock the row: a second delete of the same account waits here,
	-- then finds it deleted and does nothing.
	SELECT email INTO addr FROM account
	WHERE id = acct AND deleted_at IS NULL FOR UPDATE;
	IF NOT FOUND THEN
		RETURN false;
	END IF;

	DELETE FROM session WHERE account_id = acct;
	DELETE FROM password_reset WHERE account_id = acct;
	-- Mail to their address that has no account id (a future flow
	-- might queue one) holds the address too.
	DELETE FROM outbox WHERE account_id = acct
	    OR (addr IS NOT NULL AND to_addr = addr);
	DELETE FROM notification WHERE account_id = acct;
	DELETE FROM consent WHERE account_id = acct;
	DELETE FROM throttle WHERE bucket = 'delete:acct:' || acct;

	-- Stories are personal: withdrawn and emptied (the title too: it
	-- can name people or places), unless the storyteller kept them.
	UPDATE item SET status = 'gearchiveerd', title = 'Ingetrokken verhaal',
	    body_md = '',
	    body_html = '', summary = '', updated_at = now(),
	    revision = revision + 1
	WHERE kind = 'verhaal' AND NOT keep_after_delete
	  AND id IN (SELECT item_id FROM item_author
	      WHERE account_id = acct);

	UPDATE account SET email = NULL, display_name = NULL, bio = '',
	    password_hash = NULL, deleted_at = now(), updated_at = now()
	WHERE id = acct;

	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (acct, 'account_verwijderd', acct, '');
	RETURN true;
END $$;
