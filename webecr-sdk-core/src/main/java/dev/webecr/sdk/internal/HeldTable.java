package dev.webecr.sdk.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Provider reference to the attempt's latest {@link HeldEntry}, in order of first record. Keys are
 * the references' escaped UTF-8 bytes as the journal's lines carry them, so a line read from a file
 * is indexed where it lies, without a string or a map entry of its own: opening a journal of a
 * million attempts is then a million small objects, not four million. Open addressing over an
 * {@code int} array; not thread-safe (its journal holds the lock).
 */
final class HeldTable implements Iterable<HeldEntry> {
  private static final int FREE = 0;
  private static final int GONE = -1;

  /** The entries in order of first record; null where one was removed. */
  private HeldEntry[] order;

  private int used;
  private int size;

  /** Per slot: FREE, GONE, or the entry's index in {@code order} plus one. */
  private int[] slots;

  private int taken; // slots not FREE

  HeldTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1); // at least expected
    slots = new int[expected * 4 > capacity * 3 ? capacity * 2 : capacity];
    order = new HeldEntry[Math.max(16, expected)];
  }

  /**
   * The hash of a key's bytes; {@link HeldEntry} carries it. Mixed (MurmurHash3's finaliser)
   * because references differ in a few digits: their plain polynomial hashes are consecutive, and
   * consecutive slots make long runs for linear probing to walk.
   */
  static int hash(byte[] bytes, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    return mix(h);
  }

  /** The hash of a {@link #plain} key: that of its bytes, which are its chars. */
  static int hash(String plain) {
    int h = 1;
    for (int i = 0; i < plain.length(); i++) {
      h = 31 * h + plain.charAt(i);
    }
    return mix(h);
  }

  /**
   * True when {@code key} is ASCII with nothing to escape (most references): its escaped UTF-8
   * bytes are its chars, so it is hashed and compared as it is, without making them.
   */
  static boolean plain(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= 0x80 || c == '%' || c == '|' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  int size() {
    return size;
  }

  HeldEntry get(String key) {
    int at = slotOf(key);
    return at < 0 ? null : order[slots[at] - 1];
  }

  /**
   * The place of {@code entry} in the order of first record when it is what the table holds for its
   * key, else -1 (found by its key's bytes: no string is made).
   */
  int indexOf(HeldEntry entry) {
    int at = slotOf(entry);
    return at >= 0 && order[slots[at] - 1] == entry ? slots[at] - 1 : -1;
  }

  /** Holds {@code entry} under its key; the one it replaces keeps its place in the order. */
  HeldEntry put(HeldEntry entry) {
    int at = slotOf(entry);
    if (at >= 0) {
      int index = slots[at] - 1;
      HeldEntry old = order[index];
      order[index] = entry;
      return old;
    }
    if ((taken + 1) * 4 > slots.length * 3 || used == order.length) {
      rebuild(); // leaves room in the order too
    }
    order[used++] = entry;
    size++;
    int mask = slots.length - 1;
    for (int i = entry.hash() & mask; ; i = (i + 1) & mask) {
      if (slots[i] == FREE || slots[i] == GONE) {
        taken += slots[i] == FREE ? 1 : 0;
        slots[i] = used;
        return null;
      }
    }
  }

  HeldEntry remove(String key) {
    int at = slotOf(key);
    if (at < 0) {
      return null;
    }
    int index = slots[at] - 1;
    HeldEntry old = order[index];
    order[index] = null;
    slots[at] = GONE;
    size--;
    return old;
  }

  /** The entries in order of first record. */
  List<HeldEntry> values() {
    List<HeldEntry> out = new ArrayList<>(size);
    forEach(out::add);
    return out;
  }

  /** The entries in order of first record, without a copy; the table must not change meanwhile. */
  @Override
  public Iterator<HeldEntry> iterator() {
    return new Iterator<HeldEntry>() {
      private int next = skipRemoved(0);

      @Override
      public boolean hasNext() {
        return next < used;
      }

      @Override
      public HeldEntry next() {
        if (next >= used) {
          throw new NoSuchElementException();
        }
        HeldEntry e = order[next];
        next = skipRemoved(next + 1);
        return e;
      }
    };
  }

  private int skipRemoved(int from) {
    int i = from;
    while (i < used && order[i] == null) {
      i++;
    }
    return i;
  }

  /** The slot holding {@code key}, or -1. */
  private int slotOf(String key) {
    if (!plain(key)) {
      byte[] k = JournalLineCodec.escapedBytes(key);
      return find(k, 0, k.length, hash(k, 0, k.length));
    }
    return find(key, hash(key));
  }

  /** The slot holding the {@link #plain} {@code key} of hash {@code hash}, or -1. */
  private int find(String key, int hash) {
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == FREE) {
        return -1;
      }
      if (s != GONE && order[s - 1].hasKey(key, hash)) {
        return i;
      }
    }
  }

  /** The slot holding the key of {@code entry}, or -1. */
  private int slotOf(HeldEntry entry) {
    return entry.keyBuf() == null
        ? find(entry.key(), entry.hash())
        : find(entry.keyBuf(), entry.keyFrom(), entry.keyTo(), entry.hash());
  }

  /** The slot holding the key, or -1. */
  private int find(byte[] k, int from, int to, int hash) {
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == FREE) {
        return -1;
      }
      if (s != GONE && order[s - 1].hasKey(k, from, to, hash)) {
        return i;
      }
    }
  }

  /** Drops removed entries from the order and lays the slots out again, room to spare. */
  private void rebuild() {
    HeldEntry[] kept = new HeldEntry[Math.max(16, size * 2)];
    int n = 0;
    for (int i = 0; i < used; i++) {
      if (order[i] != null) {
        kept[n++] = order[i];
      }
    }
    order = kept;
    used = n;
    slots = new int[Integer.highestOneBit(Math.max(16, n) * 2 - 1) * 4];
    int mask = slots.length - 1;
    for (int index = 0; index < n; index++) {
      int i = kept[index].hash() & mask;
      while (slots[i] != FREE) {
        i = (i + 1) & mask;
      }
      slots[i] = index + 1;
    }
    taken = n;
  }
}
