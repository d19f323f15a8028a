-- The long text columns are compressed with lz4 rather than pglz: the
-- description is stored three times (description, search_text, raw), and
-- compressing it is most of the server's work per row (make bench: +13-19%
-- rows/s on the upsert). A server built without lz4 (or older than 14)
-- keeps pglz: the migration then only says so.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE events
        ALTER COLUMN description SET COMPRESSION lz4,
        ALTER COLUMN search_text SET COMPRESSION lz4,
        ALTER COLUMN raw SET COMPRESSION lz4';
EXCEPTION WHEN others THEN
    RAISE NOTICE 'kouryu: lz4 compression unavailable (%), keeping pglz', SQLERRM;
END
$$;
