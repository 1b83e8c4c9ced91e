-- Reset and invitation emails used to keep their usable link in the outbox model, where staff could read it.
-- From now on the model holds only a reference to the token's row and the link is made when the email is sent.
-- Links already written are cut out of every stored model, and the tokens they carried are spent: staff may have
-- read them. Their owners ask for a new link.
UPDATE email_outbox
   SET model = regexp_replace(model, '(reset-password\.xhtml\?token=)[A-Za-z0-9_-]+', '\1withheld', 'g')
 WHERE model LIKE '%reset-password.xhtml?token=%';
UPDATE password_reset_tokens SET used_at = now() WHERE used_at IS NULL;
