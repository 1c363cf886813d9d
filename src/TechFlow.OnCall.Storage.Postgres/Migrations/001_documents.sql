-- Every record the bot stores: one JSONB document per (collection, id), the collection being the record type's
-- name (Shift, Page, OutboxMessage, ...). Ordinal ("C") collation keeps ids ordered and compared byte by byte.
CREATE TABLE IF NOT EXISTS oncall_documents (
    collection text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    data jsonb NOT NULL,
    PRIMARY KEY (collection, id)
);
