import streamlit as st

st.title("practice")
st.info("Coming soon.")
