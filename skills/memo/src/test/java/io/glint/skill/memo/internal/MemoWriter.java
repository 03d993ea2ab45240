package io.glint.skill.memo.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A separate process that writes memos and list items as fast as it can and prints "ok N" after each commit, so
 * a test can kill it in the middle of writing and check that every acknowledged write is there.
 */
public final class MemoWriter {
    private MemoWriter() {
    }

    public static void main(String[] args) throws Exception {
        MemoStore store = MemoStore.open(Path.of(args[0]));
        MemoStore.MemoList list = store.createList("w", "shopping", "shopping", "en", Instant.now());
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; ; i++) {
            if (i % 2 == 0) {
                store.addNote("w", "note " + i, "en", Instant.now());
            } else {
                store.addItems(list.id(), List.of("item " + i), Instant.now());
            }
            System.out.println("ok " + i);
            System.out.flush();
        }
    }
}
