from wagtail import hooks

from portal.citizens.constants import LOG_ACTIONS


@hooks.register("register_log_actions")
def register_citizen_log_actions(actions):
    # The history table shows the message, so the message is the full sentence.
    for action, (sentence, short) in LOG_ACTIONS.items():
        actions.register_action(action, short, sentence)
