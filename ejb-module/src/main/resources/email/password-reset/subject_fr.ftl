Réinitialisez votre mot de passe Orion
