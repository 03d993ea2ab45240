package io.glint.driver.virtual.internal;

import java.util.List;

import io.glint.api.device.Room;

/** A parsed, validated home file: its rooms and its simulated devices, in file order. */
record Home(String source, List<Room> rooms, List<VirtualDevice> devices) {

    Home {
        rooms = List.copyOf(rooms);
        devices = List.copyOf(devices);
    }
}
