package io.glint.skill.car.internal;

/** Distance and compass direction between two positions on the earth. */
final class Geo {
    static final String[] EN = {"north", "north-east", "east", "south-east", "south", "south-west", "west",
        "north-west"};
    static final String[] ZH = {"北", "东北", "东", "东南", "南", "西南", "西", "西北"};
    private static final double EARTH_RADIUS_M = 6_371_000;

    private Geo() {
    }

    /** Great-circle distance, metres. */
    static double distance(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Index into {@link #EN} / {@link #ZH} of the direction from the first position to the second. */
    static int compass(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dl = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        double bearing = (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
        return (int) Math.round(bearing / 45) % 8;
    }
}
