"""The people who come to the fair: exhibitors' booth staff, buyers' delegates and the organizer's
guests, press and staff; each gets a badge that the check-in desk scans."""
