package io.camelwechat.simulator;

/** Identifies a category on an account: its first- and second-level ids. */
record CategoryKey(int first, int second) {
}
