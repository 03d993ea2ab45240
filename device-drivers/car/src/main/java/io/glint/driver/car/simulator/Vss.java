package io.glint.driver.car.simulator;

import java.util.List;

/**
 * The COVESA VSS 4.x signals Glint reads and writes, by their full paths, as the VSS 4.0 catalogue names them
 * (see the module's README for what was checked). Units are VSS's: °C, percent, metres, kPa, degrees (WGS 84).
 */
public final class Vss {
    public static final String DOOR_ROW1_DRIVER_LOCKED = "Vehicle.Cabin.Door.Row1.DriverSide.IsLocked";
    public static final String DOOR_ROW1_PASSENGER_LOCKED = "Vehicle.Cabin.Door.Row1.PassengerSide.IsLocked";
    public static final String DOOR_ROW2_DRIVER_LOCKED = "Vehicle.Cabin.Door.Row2.DriverSide.IsLocked";
    public static final String DOOR_ROW2_PASSENGER_LOCKED = "Vehicle.Cabin.Door.Row2.PassengerSide.IsLocked";
    public static final List<String> DOOR_LOCKS = List.of(DOOR_ROW1_DRIVER_LOCKED, DOOR_ROW1_PASSENGER_LOCKED,
            DOOR_ROW2_DRIVER_LOCKED, DOOR_ROW2_PASSENGER_LOCKED);

    public static final String DOOR_ROW1_DRIVER_OPEN = "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen";
    public static final String DOOR_ROW1_PASSENGER_OPEN = "Vehicle.Cabin.Door.Row1.PassengerSide.IsOpen";
    public static final String DOOR_ROW2_DRIVER_OPEN = "Vehicle.Cabin.Door.Row2.DriverSide.IsOpen";
    public static final String DOOR_ROW2_PASSENGER_OPEN = "Vehicle.Cabin.Door.Row2.PassengerSide.IsOpen";
    public static final List<String> DOORS_OPEN = List.of(DOOR_ROW1_DRIVER_OPEN, DOOR_ROW1_PASSENGER_OPEN,
            DOOR_ROW2_DRIVER_OPEN, DOOR_ROW2_PASSENGER_OPEN);

    /** Window position, percent: 0 fully closed, 100 fully open. */
    public static final String WINDOW_ROW1_DRIVER = "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position";
    public static final String WINDOW_ROW1_PASSENGER = "Vehicle.Cabin.Door.Row1.PassengerSide.Window.Position";
    public static final String WINDOW_ROW2_DRIVER = "Vehicle.Cabin.Door.Row2.DriverSide.Window.Position";
    public static final String WINDOW_ROW2_PASSENGER = "Vehicle.Cabin.Door.Row2.PassengerSide.Window.Position";
    public static final List<String> WINDOWS = List.of(WINDOW_ROW1_DRIVER, WINDOW_ROW1_PASSENGER, WINDOW_ROW2_DRIVER,
            WINDOW_ROW2_PASSENGER);

    public static final String TRUNK_OPEN = "Vehicle.Body.Trunk.Rear.IsOpen";

    /** The driver's climate set point, °C. */
    public static final String HVAC_DRIVER_TEMPERATURE = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";
    /** Climate (air conditioning) running. */
    public static final String HVAC_AC_ACTIVE = "Vehicle.Cabin.HVAC.IsAirConditioningActive";
    /** The cabin's air temperature, °C. */
    public static final String HVAC_CABIN_TEMPERATURE = "Vehicle.Cabin.HVAC.AmbientAirTemperature";
    /** Outside air temperature, °C. */
    public static final String EXTERIOR_TEMPERATURE = "Vehicle.Exterior.AirTemperature";

    /** Traction battery state of charge, percent. */
    public static final String BATTERY_SOC = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current";
    /** Remaining range, metres. */
    public static final String RANGE = "Vehicle.Powertrain.Range";
    public static final String CHARGING = "Vehicle.Powertrain.TractionBattery.Charging.IsCharging";
    public static final String CHARGING_CABLE = "Vehicle.Powertrain.TractionBattery.Charging.IsChargingCableConnected";

    public static final String LATITUDE = "Vehicle.CurrentLocation.Latitude";
    public static final String LONGITUDE = "Vehicle.CurrentLocation.Longitude";

    /**
     * The navigation destination, degrees (WGS 84). Actuators: the hub writes them as targets and the car reports
     * the destination its navigation took as current values.
     */
    public static final String DESTINATION_LATITUDE = "Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Latitude";
    public static final String DESTINATION_LONGITUDE =
            "Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Longitude";

    /** Tyre pressures, kPa (VSS: uint16). */
    public static final String TIRE_FRONT_LEFT = "Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure";
    public static final String TIRE_FRONT_RIGHT = "Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Pressure";
    public static final String TIRE_REAR_LEFT = "Vehicle.Chassis.Axle.Row2.Wheel.Left.Tire.Pressure";
    public static final String TIRE_REAR_RIGHT = "Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure";
    public static final List<String> TIRES = List.of(TIRE_FRONT_LEFT, TIRE_FRONT_RIGHT, TIRE_REAR_LEFT,
            TIRE_REAR_RIGHT);

    private Vss() {
    }
}
