Setzen Sie Ihr Orion-Passwort zurück
