"""Wagtail's image chooser, answering an id that is not a number (a hand-made POST) with "no image
chosen" and the form's own "Select a valid choice" message instead of a 500."""

from wagtail.images.widgets import AdminImageChooser


class ImageChooser(AdminImageChooser):
    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, TypeError, OverflowError):  # "abc", "1.5", a NUL: not an image's id
            return None
