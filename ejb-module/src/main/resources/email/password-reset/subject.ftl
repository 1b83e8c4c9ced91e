Reset your Orion password
