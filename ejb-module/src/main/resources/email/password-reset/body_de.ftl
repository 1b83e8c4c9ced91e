Hallo ${name},

jemand (hoffentlich Sie) hat das Zurücksetzen Ihres Passworts für die Orion-Konsole angefordert. Wählen Sie hier ein neues:

${link}

Der Link funktioniert einmal und ${minutes?c} Minuten lang. Wenn Sie nichts angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.
