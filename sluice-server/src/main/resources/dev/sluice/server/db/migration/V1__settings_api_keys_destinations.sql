-- The server's first schema: settings, API keys and destinations. Portable SQL: the same file runs on
-- H2 (the embedded default) and PostgreSQL. Later migrations add connections, runs and logs.

CREATE TABLE server_settings (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);

CREATE TABLE api_keys (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    prefix VARCHAR(16) NOT NULL,
    key_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_keys_hash_unique UNIQUE (key_hash)
);

CREATE TABLE destinations (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(63) NOT NULL,
    destination_type VARCHAR(20) NOT NULL,
    settings VARCHAR(4000) NOT NULL,
    password_secret VARCHAR(2000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT destinations_name_unique UNIQUE (name)
);
