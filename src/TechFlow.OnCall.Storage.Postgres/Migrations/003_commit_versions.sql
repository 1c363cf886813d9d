-- One counter per collection, bumped inside every unit of work that changes the collection, so a replica can tell
-- from one small read whether its in-memory copy is still current even when it missed a commit notification.
CREATE TABLE IF NOT EXISTS oncall_commit_versions (
    collection text PRIMARY KEY,
    version bigint NOT NULL
);
