{{ rows_in_window(ref('numbers')) }}
