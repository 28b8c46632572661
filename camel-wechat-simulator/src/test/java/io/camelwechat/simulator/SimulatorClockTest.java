package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorClockTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void aFrozenClockMovesOnlyWhenMoved() {
        SimulatorClock clock = new SimulatorClock(T0);
        assertFalse(clock.ticks());
        assertEquals(T0, clock.now());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(T0.plusSeconds(5), clock.now());
        clock.set(T0.minusSeconds(1));
        assertEquals(T0.minusSeconds(1), clock.now());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    }

    @Test
    void aFollowingClockPassesWithItsSourceAndCanStillBeMoved() {
        MutableClock source = new MutableClock(T0);
        SimulatorClock clock = SimulatorClock.following(source);
        assertTrue(clock.ticks());
        assertEquals(T0, clock.now());

        source.pass(Duration.ofSeconds(7));
        assertEquals(T0.plusSeconds(7), clock.now());
        clock.advance(Duration.ofHours(1));
        assertEquals(T0.plusSeconds(7 + 3600), clock.now());
        source.pass(Duration.ofSeconds(3));
        assertEquals(T0.plusSeconds(10 + 3600), clock.now(), "the source keeps passing after a move");

        clock.set(T0);
        assertEquals(T0, clock.now());
        source.pass(Duration.ofSeconds(1));
        assertEquals(T0.plusSeconds(1), clock.now());
    }

    @Test
    void theSystemClockIsTheWallClock() {
        SimulatorClock clock = SimulatorClock.system();
        assertTrue(clock.ticks());
        Instant before = Instant.now();
        Instant now = clock.now();
        assertTrue(!now.isBefore(before) && !now.isAfter(Instant.now()), now.toString());
    }
}
